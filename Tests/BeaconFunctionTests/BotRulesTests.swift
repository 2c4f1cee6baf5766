import ShelfHTTP
import Testing

@testable import BeaconFunction

/// Which requests the beacon drops without counting.
struct BotRulesTests {
    func request(agent: String?, _ headers: [String: String] = [:]) -> Request {
        var all = headers
        all["user-agent"] = agent
        return Request(head: RequestHead(method: "POST", path: "/", headers: all))
    }

    let firefox = "Mozilla/5.0 (X11; Linux x86_64; rv:140.0) Gecko/20100101 Firefox/140.0"

    @Test func aBrowserIsAPerson() {
        #expect(!BotRules.isBot(request(agent: firefox)))
        #expect(!BotRules.isBot(request(agent: "Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X) Safari/604.1")))
    }

    @Test(arguments: [
        "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)",
        "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/131.0.0.0 Safari/537.36",
        "facebookexternalhit/1.1", "curl/8.5.0", "python-requests/2.32", "Mozilla/5.0 (compatible; bingbot/2.0)",
        "Mozilla/5.0 (compatible; YandexSpider)", "", "   ",
    ])
    func crawlersToolsHeadlessBrowsersAndNoAgentAreBots(agent: String) {
        #expect(BotRules.isBot(request(agent: agent)))
    }

    @Test func aMissingUserAgentIsABot() {
        #expect(BotRules.isBot(request(agent: nil)))
    }

    @Test func prefetchesAreNotViews() {
        #expect(BotRules.isBot(request(agent: firefox, ["purpose": "prefetch"])))
        #expect(BotRules.isBot(request(agent: firefox, ["sec-purpose": "prefetch;prerender"])))
        #expect(BotRules.isBot(request(agent: firefox, ["x-moz": "prefetch"])))
    }

    @Test func doNotTrackAndGlobalPrivacyControlAreHeard() {
        #expect(BotRules.asksNotToBeTracked(request(agent: firefox, ["dnt": "1"])))
        #expect(BotRules.asksNotToBeTracked(request(agent: firefox, ["sec-gpc": "1"])))
        #expect(!BotRules.asksNotToBeTracked(request(agent: firefox, ["dnt": "0"])))
        #expect(!BotRules.asksNotToBeTracked(request(agent: firefox)))
    }
}

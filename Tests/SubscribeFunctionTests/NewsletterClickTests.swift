import ShelfHTTP
import ShelfStore
import ShelfTesting
import Testing

@testable import SubscribeFunction

struct NewsletterClickTests {
    static func issue(_ shop: SubscribeFixture) throws -> NewsletterIssue {
        try shop.store.recordNewsletter(
            slug: "spring", subject: "Spring", audience: .all, html: "", text: "",
            links: [NewsletterLink(section: "new-in", target: "/products/tee/")], now: shop.now)
    }

    static func clicks(_ shop: SubscribeFixture, _ issue: NewsletterIssue) throws -> [NewsletterStats.Section] {
        try shop.store.newsletterStats(issue).sections
    }

    @Test func aSignedLinkRecordsTheClickAndRedirectsToTheStorePage() throws {
        try withTemporaryDirectory { directory in
            let shop = try SubscribeFixture(directory)
            let ann = try shop.subscribe("ann@example.com")
            let issue = try Self.issue(shop)
            let link = NewsletterClickLink(newsletter: issue.id, subscriber: ann.id, section: "new-in", target: "/products/tee/")
            let query = String(link.path(key: SubscribeFixture.key).split(separator: "?")[1])
            let answer = try shop.send("GET", "/click", query: query)
            #expect(answer.response.status == 303)
            #expect(answer.response.header("Location") == "/products/tee/")
            #expect(try Self.clicks(shop, issue) == [NewsletterStats.Section(section: "new-in", clicks: 1, clickers: 1)])
        }
    }

    @Test func aForgedOrForeignLinkIsAPageWithoutARedirect() throws {
        try withTemporaryDirectory { directory in
            let shop = try SubscribeFixture(directory)
            let ann = try shop.subscribe("ann@example.com")
            let issue = try Self.issue(shop)
            let other = [UInt8](repeating: 1, count: 32)
            let forged = NewsletterClickLink(newsletter: issue.id, subscriber: ann.id, section: "new-in", target: "/products/tee/")
            var queries = [String(forged.path(key: other).split(separator: "?")[1])]
            for target in ["//evil.example/", "/\\evil.example", "https://evil.example/", "javascript:alert(1)"] {
                let foreign = NewsletterClickLink(newsletter: issue.id, subscriber: ann.id, section: "new-in", target: target)
                queries.append(String(foreign.path(key: SubscribeFixture.key).split(separator: "?")[1]))
            }
            for query in queries {
                let answer = try shop.send("GET", "/click", query: query)
                #expect(answer.response.status == 404, "\(query)")
                #expect(answer.response.header("Location") == nil, "\(query)")
            }
            #expect(try Self.clicks(shop, issue).isEmpty)
        }
    }
}

import ShelfHTTP
import ShelfStore
import ShelfTesting
import Testing

@testable import SubscribeFunction

struct UnsubscribeTests {
    /// What a mail provider sends for RFC 8058: a POST from its own servers, with no cookie,
    /// no Origin, Referer or Sec-Fetch-Site, and no form token.
    static let oneClick: [String: String] = ["HTTP_ORIGIN": ""]

    @Test func theOneClickPostOfAMailProviderUnsubscribesAndIsIdempotent() throws {
        try withTemporaryDirectory { directory in
            let shop = try SubscribeFixture(directory)
            let ann = try shop.subscribe("ann@example.com")
            let token = shop.signedToken(ann)
            for _ in 0..<2 {
                let answer = try shop.send(
                    "POST", "/unsubscribe", query: "token=\(token)", form: "List-Unsubscribe=One-Click", environment: Self.oneClick)
                #expect(answer.response.status == 200)
                #expect(answer.response.header("Location") == nil)
                #expect(answer.html.contains("You are unsubscribed"))
            }
            let after = try #require(try shop.store.subscriber(email: "ann@example.com"))
            #expect(after.status == .unsubscribed)
            #expect(after.topics.isEmpty)
            #expect(try shop.store.confirmedSubscribers(topic: "arrivals").isEmpty)
        }
    }

    @Test func aGetOnlyShowsAButton() throws {
        try withTemporaryDirectory { directory in
            let shop = try SubscribeFixture(directory)
            let ann = try shop.subscribe("ann@example.com")
            let page = try shop.send("GET", "/unsubscribe", query: "token=\(shop.signedToken(ann))")
            #expect(page.response.status == 200)
            #expect(
                page.html.contains(
                    "<form class=\"form\" method=\"post\" action=\"/fn/subscribe/unsubscribe?token=\(shop.signedToken(ann))\""))
            #expect(try shop.store.subscriber(email: "ann@example.com")?.status == .confirmed)
        }
    }

    @Test func forgedAndOtherSubscribersTokensAreRefused() throws {
        try withTemporaryDirectory { directory in
            let shop = try SubscribeFixture(directory)
            let ann = try shop.subscribe("ann@example.com")
            shop.client = "192.0.2.99"
            let bob = try shop.subscribe("bob@example.com")
            let annMAC = shop.signedToken(ann).split(separator: ".")[1]
            let forged = [
                "\(bob.id).\(annMAC)", "\(ann.id).\(String(repeating: "A", count: 43))", "\(ann.id)", "x.\(annMAC)", "",
                "99.\(annMAC)",
            ]
            for token in forged {
                let answer = try shop.send("POST", "/unsubscribe", query: "token=\(token)", environment: Self.oneClick)
                #expect(answer.response.status == 404, "token \(token)")
                #expect(try shop.send("GET", "/preferences", query: "token=\(token)").response.status == 404)
            }
            #expect(try shop.store.subscribers(status: .confirmed).count == 2)
        }
    }

    @Test func thePreferencePageSetsTopicsAndCanUnsubscribeFromEverything() throws {
        try withTemporaryDirectory { directory in
            let shop = try SubscribeFixture(directory)
            let ann = try shop.subscribe("ann@example.com")
            let token = shop.signedToken(ann)
            let page = try shop.send("GET", "/preferences", query: "token=\(token)")
            #expect(page.html.contains("id=\"topic-arrivals\" name=\"topic\" type=\"checkbox\" value=\"arrivals\" checked"))
            let saved = try shop.send("POST", "/preferences", query: "token=\(token)", form: "topic=offers")
            #expect(saved.html.contains("Your choices are saved"))
            #expect(try shop.store.subscriber(email: "ann@example.com")?.topics == ["offers"])
            #expect(try shop.send("POST", "/preferences", query: "token=\(token)", form: "topic=bogus").response.status == 400)
            try shop.send("POST", "/preferences", query: "token=\(token)", form: "unsubscribe=all")
            #expect(try shop.store.subscriber(email: "ann@example.com")?.status == .unsubscribed)
            // Choosing a topic again subscribes again, with the choice recorded as a consent.
            try shop.send("POST", "/preferences", query: "token=\(token)", form: "topic=arrivals")
            #expect(try shop.store.confirmedSubscribers(topic: "arrivals").map(\.email) == ["ann@example.com"])
            #expect(try shop.store.consents(email: "ann@example.com").map(\.request.source) == ["footer", "preferences", "preferences"])
        }
    }

    @Test func thePreferencePostNeedsThisSite() throws {
        try withTemporaryDirectory { directory in
            let shop = try SubscribeFixture(directory)
            let ann = try shop.subscribe("ann@example.com")
            let answer = try shop.send(
                "POST", "/preferences", query: "token=\(shop.signedToken(ann))", form: "unsubscribe=all",
                environment: ["HTTP_ORIGIN": "https://evil.example"])
            #expect(answer.response.status == 403)
            #expect(try shop.store.subscriber(email: "ann@example.com")?.status == .confirmed)
        }
    }
}

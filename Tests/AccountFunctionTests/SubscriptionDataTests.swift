import Foundation
import ShelfCrypto
import ShelfHTTP
import ShelfStore
import ShelfTesting
import Testing

@testable import AccountFunction

struct SubscriptionDataTests {
    /// Ann signs up for the newsletter from the footer and confirms it.
    static func subscribeAnn(_ shop: AccountFixture) throws {
        let (token, _) = AccountLink.issue(SystemRandom(), key: AccountFixture.key)
        try shop.store.requestSubscription(
            email: "ann@example.com", SubscriptionRequest(source: "footer", wording: "Sign up for our newsletter", topics: ["news"]),
            confirmation: token, client: "", now: shop.now - 100)
        _ = try shop.store.confirmSubscription(tokenHash: token.hash, now: shop.now - 50)
    }

    @Test func theDownloadHoldsTheSubscriptionAndItsConsent() throws {
        try withTemporaryDirectory { directory in
            let shop = try AccountFixture(directory)
            try shop.registerAnn()
            try Self.subscribeAnn(shop)
            try shop.post("/login", ["email": "ann@example.com", "password": "correct horse"])
            let body = try shop.send("GET", "/data.json").html
            let json = try #require(try JSONSerialization.jsonObject(with: Data(body.utf8)) as? [String: Any])
            let subscription = try #require(json["subscription"] as? [String: Any])
            #expect(subscription["status"] as? String == "confirmed")
            #expect(subscription["topics"] as? [String] == ["news"])
            let consents = try #require(subscription["consents"] as? [[String: Any]])
            #expect(consents.count == 1)
            #expect(consents[0]["source"] as? String == "footer")
            #expect(consents[0]["wording"] as? String == "Sign up for our newsletter")
            #expect(consents[0]["given_at"] as? Int == Int(shop.now - 100))
            #expect(consents[0]["confirmed_at"] as? Int == Int(shop.now - 50))
        }
    }

    @Test func erasingTheAccountErasesTheSubscription() throws {
        try withTemporaryDirectory { directory in
            let shop = try AccountFixture(directory)
            try shop.registerAnn()
            try Self.subscribeAnn(shop)
            let ann = try #require(try shop.store.customer(email: "ann@example.com"))
            try shop.store.eraseCustomer(ann.id, now: shop.now)
            #expect(try shop.store.subscriber(email: "ann@example.com") == nil)
            #expect(try shop.store.consents(email: "ann@example.com").isEmpty)
            #expect(try shop.store.confirmedSubscribers(topic: "news").isEmpty)
        }
    }

    @Test func theDashboardOffersTheNewsletterThenLinksToThePreferences() throws {
        try withTemporaryDirectory { directory in
            let shop = try AccountFixture(directory)
            let siteValues = #"{"site": {"name": "Shop", "language": "en"}, "functions": {"account": true, "subscribe": true}}"#
            try Data(siteValues.utf8).write(to: URL(fileURLWithPath: directory.file(ThemePages.siteValuesFile)))
            try shop.registerAnn()
            try shop.post("/login", ["email": "ann@example.com", "password": "correct horse"])
            let before = try shop.send("GET", "/").html
            #expect(before.contains("<input type=\"hidden\" name=\"form\" value=\"account\">"))
            #expect(before.contains("<input type=\"hidden\" name=\"email\" value=\"ann@example.com\">"))
            try Self.subscribeAnn(shop)
            let after = try shop.send("GET", "/").html
            #expect(after.contains("You get our newsletter: Newsletter."))
            let ann = try #require(try shop.store.subscriber(email: "ann@example.com"))
            #expect(after.contains(SubscriberLink.preferencesPath(SubscriberLink.token(for: ann, key: AccountFixture.key))))
        }
    }
}

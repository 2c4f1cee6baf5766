import ShelfHTTP
import ShelfStore
import ShelfTesting
import Testing

@testable import SubscribeFunction

struct BackInStockTests {
    @Test func aConfirmedRequestGetsOneEmailWhenTheStockComesBack() throws {
        try withTemporaryDirectory { directory in
            let shop = try SubscribeFixture(directory)
            #expect(try shop.signUp("ann@example.com", sku: "TEE-S").response.status == 200)
            let confirmation = try #require(try shop.store.mail().first)
            #expect(confirmation.data["sku"] == "TEE-S")
            try shop.store.setStock("TEE-S", to: 3)
            // Not confirmed yet: nothing to send.
            #expect(try shop.store.queueBackInStockEmails(now: shop.now) == 0)
            try shop.store.setStock("TEE-S", to: 0)
            let confirmed = try shop.send("GET", "/confirm", query: "token=" + shop.confirmationSecret(to: "ann@example.com"))
            #expect(
                confirmed.html.contains("We will email you when it&#39;s back")
                    || confirmed.html.contains("We will email you when it's back"))
            #expect(try shop.store.waitingStockAlerts() == ["TEE-S": 1])
            // Only a back-in-stock request: no newsletter.
            #expect(try shop.store.subscriber(email: "ann@example.com")?.topics == [])
            try shop.store.setStock("TEE-S", to: 2)
            #expect(try shop.store.queueBackInStockEmails(now: shop.now) == 1)
            #expect(try shop.store.queueBackInStockEmails(now: shop.now) == 0)
            let alerts = try shop.store.mail().filter { $0.email == .backInStock }
            #expect(alerts.map(\.recipient) == ["ann@example.com"])
            #expect(alerts.first?.data["title"] == "Tee (S)")
            #expect(try shop.store.waitingStockAlerts().isEmpty)
        }
    }

    @Test func anUnknownSkuIsRefused() throws {
        try withTemporaryDirectory { directory in
            let shop = try SubscribeFixture(directory)
            #expect(try shop.signUp("ann@example.com", sku: "NOPE").response.status == 404)
            #expect(try shop.store.mail().isEmpty)
        }
    }

    @Test func unsubscribingDropsWaitingRequests() throws {
        try withTemporaryDirectory { directory in
            let shop = try SubscribeFixture(directory)
            try shop.signUp("ann@example.com", sku: "TEE-S")
            try shop.send("GET", "/confirm", query: "token=" + shop.confirmationSecret(to: "ann@example.com"))
            let ann = try #require(try shop.store.subscriber(email: "ann@example.com"))
            try shop.send("POST", "/unsubscribe", query: "token=\(shop.signedToken(ann))", environment: ["HTTP_ORIGIN": ""])
            try shop.store.setStock("TEE-S", to: 2)
            #expect(try shop.store.queueBackInStockEmails(now: shop.now) == 0)
        }
    }
}

import ShelfCore
import ShelfHTTP
import ShelfStore
import ShelfTesting
import Testing

@testable import AccountFunction

/// A delivered order in the dashboard offers a review link per line bought: "Write a review",
/// then "Edit your review"; none once the product is no longer sold.
struct DashboardReviewLinkTests {
    @Test func aDeliveredOrderOffersToWriteThenEditAReview() throws {
        try withTemporaryDirectory { directory in
            let shop = try AccountFixture(directory)
            let delivered = try DashboardTests.guestOrder(shop, email: "ann@example.com", at: shop.now - 7200)
            let waiting = try DashboardTests.guestOrder(shop, email: "ann@example.com", at: shop.now - 3600)
            try Self.deliverAndSignIn(delivered, shop)
            let link = ReviewLink(order: delivered.number, line: 1, expires: shop.now - 5000 + ReviewLink.lifetime)
            let href = link.path(key: AccountFixture.key).replacing("&", with: "&amp;")
            let page = try shop.send("GET", "/").html
            #expect(page.contains("href=\"\(href)\" data-review-link>Write a review"))
            #expect(!page.contains("o=\(waiting.number)&amp;"))
            try shop.store.saveReview(
                ReviewDraft(rating: 5, title: "Good", body: "Fits well.", displayName: "Ann"), orderID: delivered.id, line: 1,
                approvedAtOnce: false, now: shop.now)
            #expect(try shop.send("GET", "/").html.contains("href=\"\(href)\" data-review-link>Edit your review"))
        }
    }

    @Test func aProductNoLongerSoldIsNoLongerOfferedForReview() throws {
        try withTemporaryDirectory { directory in
            let shop = try AccountFixture(directory)
            let delivered = try DashboardTests.guestOrder(shop, email: "ann@example.com", at: shop.now - 7200)
            try Self.deliverAndSignIn(delivered, shop)
            #expect(try shop.send("GET", "/").html.contains("data-review-link>Write a review"))
            try shop.store.syncCatalogue([], categories: [])
            let page = try shop.send("GET", "/").html
            #expect(page.contains("o=\(delivered.number)") || page.contains(delivered.number.description))
            #expect(!page.contains("data-review-link"))
        }
    }

    /// Pays, ships and delivers `order` (placed by Ann as a guest), then registers Ann and signs her in.
    static func deliverAndSignIn(_ order: Order, _ shop: AccountFixture) throws {
        _ = try shop.store.markPaid(
            order.id,
            payment: PaymentConfirmation(provider: "test", reference: "ts_1", amount: order.amounts.total, eventID: "evt_1"),
            now: shop.now - 7000)
        _ = try shop.store.fulfil(order.id, ShipmentRequest(carrier: "An Post", trackingNumbers: ["CE1"]), now: shop.now - 6000)
        try shop.store.markDelivered(order.id, now: shop.now - 5000)
        try shop.registerAnn()
        try shop.post("/login", ["email": "ann@example.com", "password": "correct horse"])
    }
}

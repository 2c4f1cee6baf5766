import ShelfCore
import ShelfHTTP
import ShelfStore
import ShelfTesting
import Testing

@testable import AccountFunction

struct DashboardTests {
    /// A guest order of `email`, placed at `at`.
    static func guestOrder(_ shop: AccountFixture, email: String, at: Int64) throws -> Order {
        var draft = OrderDraft.sample([("TEE-M", 1)])
        draft.address.email = email
        return try shop.store.placeOrder(draft, now: at, holdFor: 1800)
    }

    @Test func theHistoryShowsGuestOrdersOfTheConfirmedEmailNewestFirstWithTheirLinks() throws {
        try withTemporaryDirectory { directory in
            let shop = try AccountFixture(directory)
            let older = try Self.guestOrder(shop, email: "Ann@Example.com", at: shop.now - 7200)
            let newer = try Self.guestOrder(shop, email: "ann@example.com", at: shop.now - 3600)
            let someoneElse = try Self.guestOrder(shop, email: "bob@example.com", at: shop.now - 1800)
            try shop.post("/register", ["email": "ann@example.com", "name": "Ann", "password": "correct horse"])
            let customer = try #require(try shop.store.customer(email: "ann@example.com"))
            #expect(try shop.store.orderHistory(ofCustomer: customer.id).isEmpty)
            try shop.send("GET", "/confirm", query: "token=" + shop.linkSecret(.accountConfirm))
            try shop.post("/login", ["email": "ann@example.com", "password": "correct horse"])
            let page = try shop.send("GET", "/").html
            let numbers = page.matches(of: /Order (SH-[0-9A-Z-]+|[0-9]+)</).map { String($0.1) }
            #expect(numbers == [newer.number.description, older.number.description])
            #expect(!page.contains(someoneElse.number.description))
            let link = OrderLink.path(newer.number, key: AccountFixture.key).replacing("&", with: "&amp;")
            #expect(page.contains("href=\"\(link)\""))
            #expect(page.visibleText.contains("Waiting for payment"))
        }
    }

    @Test func aShopperWithoutOrdersIsToldWhereTheyWillAppear() throws {
        try withTemporaryDirectory { directory in
            let shop = try AccountFixture(directory)
            try shop.registerAnn()
            try shop.post("/login", ["email": "ann@example.com", "password": "correct horse"])
            #expect(try shop.send("GET", "/").html.visibleText.contains("No orders yet. Orders placed with ann@example.com appear here."))
        }
    }
}

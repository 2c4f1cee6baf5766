import ShelfCore
import ShelfHTTP
import ShelfStore
import ShelfTesting
import Testing

@testable import CheckoutFunction

struct AddressPrefillTests {
    static let settings = """
        [checkout]
        countries = ["IE"]
        [[shipping]]
        id = "standard"
        name = "Standard"
        countries = "*"
        rate = "4.95"
        delivery = "2 days"
        """

    /// A logged-in shopper (Ann, with a saved default address when `saved`) with a tee in the cart.
    static func loggedIn(_ shop: CheckoutFixture, saved: Bool) throws {
        shop.settings = settings
        let link = AccountToken(hash: String(repeating: "a", count: 64), nonce: "n")
        try shop.store.register(email: "ann@example.com", name: "Ann", passwordHash: "x", confirmation: link, now: shop.now)
        let ann = try #require(try shop.store.customer(email: "ann@example.com"))
        if saved {
            var home = Address.sample
            home.email = ""
            home.street = "7 Saved Street"
            try shop.store.saveAddress(home, id: nil, makeDefault: true, for: ann.id, now: shop.now)
        }
        let token = String(repeating: "A", count: 43)
        let session = try shop.store.logIn(ann.id, tokenHash: SessionCookie.hash(token), replacing: nil, now: shop.now, lifetime: 86_400)
        try shop.store.addToCart("TEE-M", quantity: 1, in: session, now: shop.now, maxPerLine: 10)
        shop.cookie = "shelf_session=\(token)"
    }

    @Test func aLoggedInShopperWithoutADraftStartsFromTheDefaultAddress() throws {
        try withTemporaryDirectory { directory in
            let shop = try CheckoutFixture(directory)
            try Self.loggedIn(shop, saved: true)
            let html = String(decoding: try shop.send("GET", "/", headers: [:]).body, as: UTF8.self)
            let response = try shop.send("GET", "/", headers: [:])
            #expect(response.status == 200, "\(response.status) \(response.header("Location") ?? "")")
            #expect(html.contains("value=\"7 Saved Street\""))
            #expect(html.contains("value=\"ann@example.com\""))
        }
    }

    @Test func withoutASavedAddressTheFormStartsEmpty() throws {
        try withTemporaryDirectory { directory in
            let shop = try CheckoutFixture(directory)
            try Self.loggedIn(shop, saved: false)
            let html = String(decoding: try shop.send("GET", "/", headers: [:]).body, as: UTF8.self)
            #expect(html.contains("name=\"street\""))
            #expect(!html.contains("value=\"ann@example.com\""))
        }
    }
}

import ShelfConfig
import ShelfCore
import ShelfHTTP
import ShelfStore
import ShelfTesting
import Testing

@testable import SearchFunction

/// Search results priced as the cart charges: during an automatic percent campaign the cards
/// show the sale price with the catalogue price struck through, on the engine under test.
struct SearchSalePriceTests {
    /// A store folder with a tee (€25.00, on sale 20% from 1,000 to 2,000) and a cap (€18.00)
    /// indexed for search, and a way to ask `search.json` at a moment.
    final class Shop {
        let directory: TemporaryDirectory
        let store: Store

        init(_ directory: TemporaryDirectory) throws {
            self.directory = directory
            store = try directory.teeAndCapSearchStore()
            let window = CampaignWindow(starts: 1_000, ends: 2_000)
            let rule = DiscountRule(
                campaign: "winter", off: .percent(Rate(basisPoints: 2000)), scope: .products(["tee"]), window: window)
            try store.syncCampaigns(
                [CampaignRecord(handle: "winter", title: "Winter Sale", window: window, rules: [rule])], currency: .euro,
                showing: ["winter"])
        }

        /// The card of `handle` in `search.json` at `now`: its `price_minor` and `compare_at`.
        func card(_ handle: String, at now: Int64) throws -> (price: String?, compareAt: String?) {
            let config = try StoreConfig(
                toml: """
                    name = "Shop"
                    base_url = "https://shop.example"
                    currency = "EUR"
                    locale = "en-IE"
                    """)
            let secrets = try Secrets(toml: "session_key = \"\(String(repeating: "ab", count: 32))\"", name: "secrets.toml")
            let context = FunctionContext(
                root: directory.path, config: config, secrets: secrets, database: directory.storeLocation(file: "data/shelf.sqlite"),
                clock: .fixed(now))
            let environment = [
                "REQUEST_METHOD": "GET", "PATH_INFO": ".json", "QUERY_STRING": "", "REQUEST_URI": "/fn/search.json",
            ]
            let responder = Responder(function: Function(name: "search", routes: SearchRoutes.all), context: context, log: { _ in })
            var body = BytesBody([])
            let response = responder.respond(to: environment, body: &body).response
            #expect(response.status == 200)
            guard case .array(let products)? = try JSON.parse(response.body)["products"] else { return (nil, nil) }
            let card = try #require(products.first { $0["handle"]?.string == handle })
            guard case .number(let price)? = card["price_minor"] else { return (nil, card["compare_at"]?.string) }
            return (price, card["compare_at"]?.string)
        }
    }

    @Test func aRunningPercentCampaignPricesTheCardAtTheSalePrice() throws {
        try withTemporaryDirectory { directory in
            let shop = try Shop(directory)
            #expect(try shop.card("tee", at: 500).price == "2500")
            #expect(try shop.card("tee", at: 500).compareAt == nil)
            #expect(try shop.card("tee", at: 1_500).price == "2000")
            #expect(try shop.card("tee", at: 1_500).compareAt == "€25.00")
            #expect(try shop.card("cap", at: 1_500).price == "1800")
            #expect(try shop.card("cap", at: 1_500).compareAt == nil)
        }
    }

    @Test func anEndedCampaignKeepsItsPriceUntilThePagesNoLongerShowIt() throws {
        try withTemporaryDirectory { directory in
            let shop = try Shop(directory)
            #expect(try shop.card("tee", at: 2_500).price == "2000")
            try shop.store.markShown([])
            #expect(try shop.card("tee", at: 2_500).price == "2500")
            #expect(try shop.card("tee", at: 2_500).compareAt == nil)
        }
    }
}

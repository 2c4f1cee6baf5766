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
    /// The search shop with the tee on sale 20% from 1,000 to 2,000 in the "winter" campaign.
    func saleShop(_ directory: TemporaryDirectory) throws -> SearchShop {
        let shop = try SearchShop(directory)
        let window = CampaignWindow(starts: 1_000, ends: 2_000)
        let rule = DiscountRule(
            campaign: "winter", off: .percent(Rate(basisPoints: 2000)), scope: .products(["tee"]), window: window)
        try shop.store.syncCampaigns(
            [CampaignRecord(handle: "winter", title: "Winter Sale", window: window, rules: [rule])], currency: .euro,
            showing: ["winter"])
        return shop
    }

    /// The card of `handle` in `search.json` at `now`: its `price_minor` and `compare_at`.
    func card(_ handle: String, in shop: SearchShop, at now: Int64) throws -> (price: String?, compareAt: String?) {
        guard case .array(let products)? = try shop.json("", at: now)["products"] else { return (nil, nil) }
        let card = try #require(products.first { $0["handle"]?.string == handle })
        guard case .number(let price)? = card["price_minor"] else { return (nil, card["compare_at"]?.string) }
        return (price, card["compare_at"]?.string)
    }

    @Test func aRunningPercentCampaignPricesTheCardAtTheSalePrice() throws {
        try withTemporaryDirectory { directory in
            let shop = try saleShop(directory)
            #expect(try card("tee", in: shop, at: 500).price == "2500")
            #expect(try card("tee", in: shop, at: 500).compareAt == nil)
            #expect(try card("tee", in: shop, at: 1_500).price == "2000")
            #expect(try card("tee", in: shop, at: 1_500).compareAt == "€25.00")
            #expect(try card("cap", in: shop, at: 1_500).price == "1800")
            #expect(try card("cap", in: shop, at: 1_500).compareAt == nil)
        }
    }

    @Test func anEndedCampaignKeepsItsPriceUntilThePagesNoLongerShowIt() throws {
        try withTemporaryDirectory { directory in
            let shop = try saleShop(directory)
            #expect(try card("tee", in: shop, at: 2_500).price == "2000")
            try shop.store.markShown([])
            #expect(try card("tee", in: shop, at: 2_500).price == "2500")
            #expect(try card("tee", in: shop, at: 2_500).compareAt == nil)
        }
    }
}

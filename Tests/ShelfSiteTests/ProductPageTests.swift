import Foundation
import ShelfConfig
import ShelfCore
import ShelfStore
import Testing

@testable import ShelfSite

/// What the built product page promises and asks of the shopper, and what it tells link previews.
@Suite struct ProductPageTests {
    static let page = "site/products/organic-tee/index.html"

    static let checkout = """

        [checkout]
        countries = ["IE", "FR"]
        prices_include_tax = true
        return_days = 30
        free_returns = true

        [[shipping]]
        id = "standard"
        name = "Standard"
        countries = ["IE"]
        rate = "4.95"
        free_from = "75.00"

        [[shipping]]
        id = "europe"
        name = "Europe"
        countries = "*"
        rate = "12.00"
        free_from = "150.00"

        [[tax]]
        name = "VAT"
        countries = "*"
        rate = "23"

        """

    private func built(settings: String = "") throws -> FixtureStore {
        let store = try FixtureStore()
        try store.write("shelf.toml", try store.read("shelf.toml") + settings)
        _ = try store.build()
        let database = try store.openStore()
        _ = try database.importStock(try StockCSV.parse(try store.read("stock.csv"), file: "stock.csv"))
        _ = try store.build()
        return store
    }

    @Test func promisesOnlyWhatTheSettingsGive() throws {
        let html = try built().read(Self.page)
        #expect(!html.contains("Free standard shipping"))
        #expect(!html.contains("Free returns"))
        #expect(!html.contains("buy__perks"))
    }

    @Test func promisesFreeShippingFromTheLowestThresholdReturnsAndTax() throws {
        let html = try built(settings: Self.checkout).read(Self.page)
        #expect(html.contains("Free shipping to Ireland on orders from €75.00"))
        #expect(html.contains("Free returns within 30 days"))
        #expect(html.contains("Prices include VAT"))
    }

    @Test func taxAddedAtCheckoutIsSaidInTheStoresWord() throws {
        let settings = Self.checkout.replacingOccurrences(of: "prices_include_tax = true", with: "prices_include_tax = false")
            .replacingOccurrences(of: "free_returns = true", with: "free_returns = false")
        let html = try built(settings: settings).read(Self.page)
        #expect(html.contains("VAT is added at checkout"))
        #expect(html.contains("Returns within 30 days"))
        #expect(!html.contains("Free returns"))
    }

    @Test func shippingPromiseNamesWhereItIsFree() throws {
        let euro = try Currency(code: "EUR")
        let prices = PriceFormatter(locale: "en-IE", currency: euro)
        let rate = { (text: String) in try Money(parsing: text, in: euro) }
        var settings = try StoreConfig(toml: "name = \"Shop\"\nbase_url = \"https://shop.example\"\ncurrency = \"EUR\"\n").checkout
        #expect(ProductPerks(checkout: settings, prices: prices).shipping == nil)
        settings.shipping = [
            ShippingMethod(
                id: "eu", name: "EU", countries: .only(["FR", "DE", "NL"]), rate: try rate("9.00"), freeFrom: try rate("99.00"),
                delivery: "")
        ]
        #expect(ProductPerks(checkout: settings, prices: prices).shipping == "Free shipping to 3 countries on orders from €99.00")
        settings.shipping.append(
            ShippingMethod(id: "pickup", name: "Pickup", countries: .only(["IE", "GB"]), rate: try rate("0"), delivery: ""))
        #expect(ProductPerks(checkout: settings, prices: prices).shipping == "Free shipping to Ireland and United Kingdom")
    }

    @Test func noSizeIsChosenForTheShopperWhenThereAreSeveral() throws {
        let html = try built().read(Self.page)
        let sizes = html.components(separatedBy: "\n").filter { $0.contains("name=\"sku\"") }
        #expect(sizes.count > 1)
        #expect(sizes.allSatisfy { !$0.contains(" checked") })
        #expect(html.contains("<input type=\"hidden\" name=\"choose\" value=\"size\">"))
        #expect(html.contains("<span class=\"buy__choose\">Choose a size</span>"))
    }

    @Test func linksTheFaviconWhenTheStoreHasOne() throws {
        let plain = try built().read(Self.page)
        #expect(!plain.contains("rel=\"icon\""))
        let store = try FixtureStore()
        try store.write("static/favicon.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"/>")
        _ = try store.build()
        #expect(try store.read(Self.page).contains("<link rel=\"icon\" href=\"/favicon.svg\">"))
        #expect(try store.read("site/index.html").contains("<link rel=\"icon\" href=\"/favicon.svg\">"))
    }

    @Test func ogImageIsARasterImageAndTheTwitterCardFollowsIt() throws {
        let vector = try built().read(Self.page)
        #expect(!vector.contains("og:image"))
        #expect(vector.contains("<meta name=\"twitter:card\" content=\"summary\">"))

        let store = try FixtureStore()
        try store.write("static/images/tee-photo.jpg", "not really a JPEG; the build only checks it exists")
        try store.edit(
            "content/products/organic-tee.md", replacing: "  - {src: /images/tee-sand.svg",
            with: "  - {src: /images/tee-photo.jpg, alt: Organic tee on a model}\n  - {src: /images/tee-sand.svg")
        _ = try store.build()
        let raster = try store.read(Self.page)
        #expect(raster.contains("<meta property=\"og:image\" content=\"https://fixture.example/images/tee-photo.jpg\">"))
        #expect(raster.contains("<meta name=\"twitter:card\" content=\"summary_large_image\">"))
    }
}

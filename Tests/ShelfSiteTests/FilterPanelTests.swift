import Foundation
import ShelfStore
import ShelfTesting
import Testing

@testable import ShelfSite

/// A category's filter panel: its single-filter links, and a form that sends several choices at
/// once to the search function (ratings once products have approved reviews); and the script that
/// suggests products as the shopper types.
@Suite struct FilterPanelTests {
    /// The `name="…" value="…"` pairs of a page's checkboxes, in order.
    private func checkboxes(_ html: String) -> [String] {
        html.components(separatedBy: "type=\"checkbox\" ").dropFirst().map { $0.prefix { $0 != ">" }.description }
    }

    @Test func categoryPageCombinesColoursSizesBrandsPriceAndStockInOneFormToSearch() throws {
        let store = try FixtureStore()
        _ = try store.build()
        let page = try store.read("site/shop/tops/index.html")
        #expect(page.contains("<form method=\"get\" action=\"/fn/search\">"))
        #expect(page.contains("<input type=\"hidden\" name=\"category\" value=\"tops\">"))
        #expect(
            checkboxes(page) == [
                "name=\"colour\" value=\"Forest\"", "name=\"colour\" value=\"Sand\"", "name=\"colour\" value=\"Charcoal\"",
                "name=\"colour\" value=\"Rust\"", "name=\"size\" value=\"XS\"", "name=\"size\" value=\"S\"",
                "name=\"size\" value=\"M\"", "name=\"size\" value=\"L\"", "name=\"size\" value=\"XL\"",
                "name=\"size\" value=\"2XL\"", "name=\"size\" value=\"3XL\"", "name=\"brand\" value=\"North &amp; Wool\"",
                "name=\"brand\" value=\"Evergreen\"", "name=\"stock\" value=\"1\"",
            ])
        for legend in ["Colour", "Size", "Brand", "Price (EUR)", "Availability"] {
            #expect(page.contains("<legend class=\"search-facet__name\">\(legend)</legend>"))
        }
        #expect(page.contains("name=\"min\"") && page.contains("name=\"max\""))
        // The single-filter pages stay linked for crawlers.
        #expect(page.contains("href=\"/shop/tops/colour/sand/\""))
    }

    @Test func filterPageTicksItsOwnValueInTheForm() throws {
        let store = try FixtureStore()
        _ = try store.build()
        let page = try store.read("site/shop/tops/colour/sand/index.html")
        #expect(checkboxes(page).filter { $0.hasSuffix(" checked") } == ["name=\"colour\" value=\"Sand\" checked"])
    }

    @Test func aCategoryOfOneBrandOffersNoBrandChoice() throws {
        let store = try FixtureStore()
        _ = try store.build()
        let page = try store.read("site/shop/accessories/index.html")
        #expect(!page.contains("name=\"brand\""))
    }

    @Test func changingABrandRerendersTheCategoryPanel() throws {
        let store = try FixtureStore()
        _ = try store.build()
        try store.edit("content/products/organic-tee.md", replacing: "brand: Evergreen", with: "brand: Tidewater")
        _ = try store.build()
        let page = try store.read("site/shop/tops/index.html")
        #expect(page.contains("name=\"brand\" value=\"Tidewater\""))
        #expect(!page.contains("name=\"brand\" value=\"Evergreen\""))
    }

    @Test func approvedReviewsAddTheSearchRatingChoicesWithTheCategorysCounts() throws {
        let store = try FixtureStore()
        _ = try store.build()
        #expect(!(try store.read("site/shop/tops/index.html")).contains("name=\"rating\""))
        let database = try store.openStore()
        _ = try database.importStock(try StockCSV.parse(try store.read("stock.csv"), file: "stock.csv"))
        _ = try database.addSampleReview(sku: "TEE-FOR-L", rating: 5, price: 2900, at: 1_790_000_000)
        _ = try database.addSampleReview(sku: "CREW-CHA-S", rating: 3, price: 8900, at: 1_790_086_400)
        _ = try database.addSampleReview(sku: "CREW-CHA-M", rating: 4, status: .pending, price: 8900, at: 1_790_172_800)
        _ = try store.build()
        let page = try store.read("site/shop/tops/index.html")
        let radios = page.components(separatedBy: "type=\"radio\" ").dropFirst().map { $0.prefix { $0 != ">" }.description }
        #expect(radios == ["name=\"rating\" value=\"\" checked", "name=\"rating\" value=\"4\"", "name=\"rating\" value=\"3\""])
        #expect(page.contains("<legend class=\"search-facet__name\">Customer rating</legend>"))
        let count = "<span class=\"search-facet__count\"><span class=\"visually-hidden\">(</span>"
        #expect(page.contains("★★★★☆</span> 4 stars &amp; up \(count)1<"))
        #expect(page.contains("★★★☆☆</span> 3 stars &amp; up \(count)2<"))
        // A filter page of the category offers them too; a category without rated products does not.
        #expect(try store.read("site/shop/tops/colour/sand/index.html").contains("name=\"rating\" value=\"4\""))
        #expect(!(try store.read("site/shop/accessories/index.html")).contains("name=\"rating\""))
    }

    @Test func everyPageLoadsTheSuggestionsScriptOfTheSearchFunction() throws {
        let store = try FixtureStore()
        _ = try store.build()
        let home = try store.read("site/index.html")
        let tag = try #require(home.range(of: "<script src=\"/assets/search\\.[0-9a-f]{10}\\.js\" defer>", options: .regularExpression))
        let path = home[tag].dropFirst("<script src=\"".count).prefix { $0 != "\"" }
        #expect(FileManager.default.fileExists(atPath: store.folder.siteFolder + path))
        #expect(Chrome.assetKey("search.js") == "search_js" && Chrome.assetKey("app.css") == "css")
    }
}

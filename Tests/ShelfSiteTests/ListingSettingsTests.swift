import Foundation
import ShelfConfig
import ShelfStore
import Testing

@testable import ShelfSite

/// `[catalogue]` `sort_pages`, `filter_pages` and `per_page` decide which listing pages exist;
/// every link, the sitemap and incremental builds follow them.
@Suite struct ListingSettingsTests {
    /// The fixture store with `settings` added to its `[catalogue]` section.
    private func store(_ settings: String) throws -> FixtureStore {
        let store = try FixtureStore()
        try store.edit("shelf.toml", replacing: "per_page = 2\n", with: "per_page = 2\n\(settings)\n")
        return store
    }

    private func exists(_ sitePath: String, in store: FixtureStore) -> Bool {
        FileManager.default.fileExists(atPath: store.folder.siteFolder + sitePath + "index.html")
    }

    private func htmlFiles(of store: FixtureStore) throws -> [(name: String, text: String)] {
        let site = store.folder.siteFolder
        return try Theme.files(under: site, extension: "html").map { ($0, try String(contentsOfFile: site + "/" + $0, encoding: .utf8)) }
    }

    /// Every `href`, `src` and `action` inside the site (not a function's) whose file is not built.
    private func brokenLinks(in store: FixtureStore) throws -> [String] {
        let site = store.folder.siteFolder
        var broken: [String] = []
        for (name, text) in try htmlFiles(of: store) {
            for match in text.matches(of: /(?:href|src|action)="(\/[^"\/][^"]*|\/)"/) {
                let path = String(match.1.prefix { $0 != "#" && $0 != "?" })
                guard !path.hasPrefix("/fn/") else { continue }
                let file = site + path + (path.hasSuffix("/") ? "index.html" : "")
                if !FileManager.default.fileExists(atPath: file) { broken.append("\(name): \(path)") }
            }
        }
        return broken
    }

    /// The site paths `sitemap.xml` lists.
    private func sitemap(of store: FixtureStore) throws -> Set<String> {
        let text = try store.read("site/sitemap.xml")
        return Set(text.matches(of: /<loc>https:\/\/fixture\.example([^<]*)<\/loc>/).map { String($0.1) })
    }

    /// The site paths of every built `index.html`.
    private func builtPages(of store: FixtureStore) -> Set<String> {
        Set(
            Theme.files(under: store.folder.siteFolder, extension: "html").filter { $0.hasSuffix("index.html") }.map {
                "/" + $0.dropLast("index.html".count)
            })
    }

    /// Every file of the site with its bytes.
    private func snapshot(_ store: FixtureStore) throws -> [String: Data] {
        let site = store.folder.siteFolder
        var files: [String: Data] = [:]
        for file in Theme.files(under: site, extension: nil) { files[file] = try Data(contentsOf: URL(fileURLWithPath: site + "/" + file)) }
        return files
    }

    private func expectLinksAndSitemapMatchThePages(of store: FixtureStore) throws {
        #expect(try brokenLinks(in: store) == [])
        #expect(try sitemap(of: store) == builtPages(of: store))
    }

    @Test func byDefaultEveryListingHasEverySortOrderAndEveryOptionItsFilterPages() throws {
        let store = try FixtureStore()
        _ = try store.build()
        for path in [
            "/shop/price-low-high/", "/shop/price-high-low/", "/shop/tops/price-low-high/", "/shop/tops/colour/sand/", "/shop/tops/size/m/",
        ] {
            #expect(exists(path, in: store), "\(path)")
        }
        let tops = try store.read("site/shop/tops/index.html")
        #expect(tops.contains("href=\"/shop/tops/price-high-low/\"") && tops.contains("href=\"/shop/tops/size/m/\""))
        try expectLinksAndSitemapMatchThePages(of: store)
        // The checks see a page that is linked but missing.
        try FileManager.default.removeItem(atPath: store.folder.siteFolder + "/shop/tops/size/m/index.html")
        #expect(try brokenLinks(in: store).contains("shop/tops/index.html: /shop/tops/size/m/"))
        #expect(try sitemap(of: store) != builtPages(of: store))
    }

    @Test func noSortPagesBuildsNoSortOrdersAndOffersNone() throws {
        let store = try store("sort_pages = []")
        _ = try store.build()
        for path in ["/shop/price-low-high/", "/shop/price-high-low/", "/shop/tops/price-low-high/", "/shop/knitwear/price-high-low/"] {
            #expect(!exists(path, in: store), "\(path)")
        }
        #expect(exists("/shop/page/2/", in: store))
        for (name, text) in try htmlFiles(of: store) {
            #expect(!text.contains("price-low-high") && !text.contains("price-high-low") && !text.contains("Sort by"), "\(name)")
        }
        try expectLinksAndSitemapMatchThePages(of: store)
    }

    @Test func onlyTheChosenSortOrdersArePagedAndOffered() throws {
        let store = try store("sort_pages = [\"newest\", \"price-high-low\"]")
        _ = try store.build()
        #expect(exists("/shop/price-high-low/", in: store) && exists("/shop/price-high-low/page/2/", in: store))
        #expect(!exists("/shop/price-low-high/", in: store) && !exists("/shop/tops/price-low-high/", in: store))
        let shop = try store.read("site/shop/index.html")
        #expect(shop.contains("href=\"/shop/price-high-low/\"") && shop.contains(">Newest</a>"))
        #expect(!shop.contains("price-low-high"))
        try expectLinksAndSitemapMatchThePages(of: store)
    }

    @Test func onlyTheChosenOptionsGetFilterPagesAndLinks() throws {
        let store = try store("filter_pages = [\"SIZE\"]")
        _ = try store.build()
        #expect(exists("/shop/tops/size/m/", in: store))
        #expect(!exists("/shop/tops/colour/sand/", in: store) && !exists("/shop/knitwear/colour/charcoal/", in: store))
        let tops = try store.read("site/shop/tops/index.html")
        #expect(tops.contains("href=\"/shop/tops/size/m/\""))
        #expect(!tops.contains("href=\"/shop/tops/colour/"))
        // The form that combines filters still offers every colour, through the search function.
        #expect(tops.contains("name=\"colour\" value=\"Sand\""))
        try expectLinksAndSitemapMatchThePages(of: store)
    }

    @Test func noFilterPagesKeepsTheFormThatCombinesFilters() throws {
        let store = try store("filter_pages = []")
        _ = try store.build()
        #expect(builtPages(of: store).filter { $0.contains("/colour/") || $0.contains("/size/") }.isEmpty)
        let tops = try store.read("site/shop/tops/index.html")
        #expect(!tops.contains("class=\"filter__value"))
        #expect(tops.contains("<form method=\"get\" action=\"/fn/search\">") && tops.contains("name=\"size\" value=\"M\""))
        try expectLinksAndSitemapMatchThePages(of: store)
    }

    @Test func aMerchantsLinkToAPageTheSettingsDropIsReported() throws {
        let store = try store("sort_pages = []\nfilter_pages = []")
        try store.write(
            "content/pages/faq.md",
            try store.read("content/pages/faq.md") + "\n[Cheapest](/shop/price-low-high/), [sand](/shop/tops/colour/sand/)\n")
        #expect(
            try store.build().brokenLinks.map(\.description) == [
                "content/pages/faq.md:9: links to /shop/price-low-high/, which the site does not have",
                "content/pages/faq.md:9: links to /shop/tops/colour/sand/, which the site does not have",
            ])
    }

    @Test func perPageDecidesHowManyPagesAListingHas() throws {
        let two = try FixtureStore()
        _ = try two.build()
        #expect(exists("/shop/page/2/", in: two) && !exists("/shop/page/3/", in: two))
        let one = try FixtureStore()
        try one.edit("shelf.toml", replacing: "per_page = 2", with: "per_page = 1")
        _ = try one.build()
        #expect(exists("/shop/page/3/", in: one) && exists("/shop/price-high-low/page/3/", in: one))
        try expectLinksAndSitemapMatchThePages(of: one)
    }

    @Test func changedSettingsBuildIncrementallyExactlyWhatAFullBuildWrites() throws {
        let store = try FixtureStore()
        _ = try store.build()
        _ = try store.openStore().importStock(try StockCSV.parse(try store.read("stock.csv"), file: "stock.csv"))
        _ = try store.build()
        let original = try store.read("shelf.toml")

        try store.edit("shelf.toml", replacing: "per_page = 2\n", with: "per_page = 1\nsort_pages = []\nfilter_pages = [\"colour\"]\n")
        let fewer = try store.build()
        #expect(fewer.incremental && !fewer.fastPath)
        #expect(fewer.removed.contains("shop/price-low-high/index.html") && fewer.removed.contains("shop/tops/size/m/index.html"))
        #expect(!FileManager.default.fileExists(atPath: store.folder.siteFolder + "/shop/price-low-high/index.html.gz"))
        #expect(exists("/shop/page/3/", in: store))
        let incremental = try snapshot(store)
        _ = try store.build(full: true)
        #expect(try snapshot(store) == incremental)

        // The fast path after a settings change writes what a full build would.
        try store.openStore().setStock("CREW-CHA-S", to: 1)
        #expect(try store.build().fastPath)
        let fast = try snapshot(store)
        _ = try store.build(full: true)
        #expect(try snapshot(store) == fast)

        try store.write("shelf.toml", original)
        let more = try store.build()
        #expect(more.incremental && !more.fastPath)
        #expect(exists("/shop/price-low-high/", in: store) && exists("/shop/tops/size/m/", in: store))
        #expect(!exists("/shop/page/3/", in: store))
        let restored = try snapshot(store)
        _ = try store.build(full: true)
        #expect(try snapshot(store) == restored)
        try expectLinksAndSitemapMatchThePages(of: store)
    }

    // MARK: - Settings

    let valid = """
        name = "Shop"
        base_url = "https://shop.example"
        currency = "EUR"

        [catalogue]

        """

    @Test func settingsDefaultToEverySortOrderAndEveryOption() throws {
        let catalogue = try StoreConfig(toml: valid).catalogue
        #expect(catalogue.sortPages == [.newest, .priceLowHigh, .priceHighLow])
        #expect(catalogue.filterPages == nil && catalogue.hasFilterPages(forOption: "Material"))
    }

    @Test func settingsReadTheChosenOrdersAndOptionsInAnyCase() throws {
        let catalogue = try StoreConfig(toml: valid + "sort_pages = [\"newest\", \"price-high-low\"]\nfilter_pages = [\"COLOUR\"]\n")
            .catalogue
        #expect(catalogue.sortPages == [.newest, .priceHighLow])
        #expect(catalogue.hasFilterPages(forOption: "Colour") && !catalogue.hasFilterPages(forOption: "Size"))
        let none = try StoreConfig(toml: valid + "sort_pages = []\nfilter_pages = []\n").catalogue
        #expect(none.sortPages.isEmpty && !none.hasFilterPages(forOption: "Colour"))
    }

    @Test func anUnknownSortOrderIsRefusedOnItsLine() {
        expectConfigRefused(valid + "sort_pages = [\"newest\", \"cheapest\"]\n", saying: "shelf.toml:6: sort_pages names \"cheapest\"")
        expectConfigRefused(valid + "sort_pages = [\"newest\", \"newest\"]\n", saying: "twice")
        expectConfigRefused(valid + "sort_pages = [\"price-low-high\"]\n", saying: "must include \"newest\"")
    }

    @Test func listingSettingsOfTheWrongKindAreRefused() {
        expectConfigRefused(valid + "sort_pages = \"newest\"\n", saying: "shelf.toml:6: sort_pages must be a list")
        expectConfigRefused(valid + "filter_pages = \"colour\"\n", saying: "shelf.toml:6: filter_pages must be a list")
        expectConfigRefused(valid + "filter_pages = [1]\n", saying: "every entry of filter_pages must be a text")
        expectConfigRefused(valid + "filter_pages = [\" \"]\n", saying: "name an option")
        expectConfigRefused(valid + "per_page = 0\n", saying: "shelf.toml:6: per_page must be a whole number from 1 to 500")
        expectConfigRefused(valid + "per_page = 501\n", saying: "per_page must be a whole number")
    }
}

import Foundation
import ShelfCore
import ShelfTesting
import Testing

@testable import ShelfStore

/// The store's search on its own index, on SQLite and (with `SHELF_TEST_DATABASE=postgresql`)
/// on PostgreSQL: the same queries must give the same answers on both engines.
struct SearchTests {
    static let categories: [ShelfCore.Category] = [
        Category(handle: "knitwear", title: "Knitwear"), Category(handle: "coats", title: "Coats"), Category(handle: "tees", title: "Tees"),
    ]

    /// A small catalogue: two colours × two sizes on the jumper, a coat, a tee, a scarf.
    static let products: [Product] = [
        product(
            "navy-jumper", "Navy Wool Jumper", brand: "Northwool", categories: ["knitwear"], date: "2024-03-01",
            colours: [("Navy", "#1f2a44"), ("Grey", "#888888")], sizes: ["S", "M"], price: 8900,
            description: "<p>A warm jumper knitted from merino.</p>"),
        product(
            "wrap-coat", "Belted Wrap Coat", brand: "Northwool", categories: ["coats"], date: "2024-05-01",
            colours: [("Camel", "#c19a6b")], sizes: ["M", "L"], price: 24900,
            description: "<p>Wool and cashmere. Wear it over a jumper.</p>"),
        product(
            "creme-tee", "Crème Organic Tee", brand: "Field & Co", categories: ["tees"], date: "2024-01-01",
            colours: [("Navy", "#1f2a44")], sizes: ["S", "M", "L"], price: 2900, description: "<p>Soft cotton &amp; nothing else.</p>"),
        product(
            "cable-scarf", "Cable Scarf", brand: nil, categories: ["knitwear"], date: "2023-11-01", colours: [("Oat", "#e0d6c3")],
            sizes: ["One size"], price: 3900, description: "<p>Chunky knit in recycled wool.</p>"),
    ]

    static func product(
        _ handle: String, _ title: String, brand: String?, categories: [String], date: String, colours: [(String, String)],
        sizes: [String], price: Int64, description: String
    ) -> Product {
        let prefix = handle.uppercased().prefix(3)
        var variants: [Variant] = []
        for colour in colours {
            for size in sizes {
                let sku = "\(prefix)-\(colour.0.uppercased().prefix(3))-\(size.uppercased().filter(\.isLetter))"
                variants.append(Variant(sku: sku, optionValues: [colour.0, size], price: .euros(price)))
            }
        }
        return Product(
            handle: handle, title: title, brand: brand, categories: categories,
            options: [
                ProductOption(name: "Colour", values: colours.map { OptionValue($0.0, swatch: $0.1) }),
                ProductOption(name: "Size", values: sizes.map { OptionValue($0) }),
            ],
            variants: variants, images: [ProductImage(src: "/images/\(handle).svg", alt: title)], date: date,
            descriptionHTML: description)
    }

    /// A store with the catalogue synced and indexed, and one unit of every SKU in stock.
    func withCatalogue(_ body: (Store) throws -> Void) throws {
        try withTemporaryStore { store in
            try store.syncCatalogue(Self.products, categories: Self.categories)
            try store.indexForSearch(Self.products, categories: Self.categories)
            for product in Self.products {
                for variant in product.variants { try store.setStock(variant.sku, to: 1) }
            }
            try body(store)
        }
    }

    func titles(_ store: Store, _ query: SearchQuery) throws -> [String] {
        try store.search(query).products.map(\.title)
    }

    func titles(_ store: Store, _ text: String) throws -> [String] {
        try titles(store, SearchQuery(text: text))
    }

    @Test func aTitleMatchRanksAboveADescriptionMatch() throws {
        try withCatalogue { (store: Store) throws in
            #expect(try titles(store, "jumper") == ["Navy Wool Jumper", "Belted Wrap Coat"])
        }
    }

    @Test func pluralsAndAccentsFold() throws {
        try withCatalogue { (store: Store) throws in
            #expect(try titles(store, "JUMPERS") == ["Navy Wool Jumper", "Belted Wrap Coat"])
            #expect(try titles(store, "creme") == ["Crème Organic Tee"])
            #expect(try titles(store, "crème tees") == ["Crème Organic Tee"])
        }
    }

    @Test func aPluralFindsTheSingularTheCatalogueUses() throws {
        try withCatalogue { (store: Store) throws in
            let results = try store.search(SearchQuery(text: "scarves"))
            #expect(results.products.map(\.title) == ["Cable Scarf"])
            #expect(results.corrections.isEmpty)
        }
    }

    @Test func everyWordMustMatch() throws {
        try withCatalogue { (store: Store) throws in
            #expect(try titles(store, "wool coat") == ["Belted Wrap Coat"])
        }
    }

    @Test func theLastWordMatchesAsAPrefix() throws {
        try withCatalogue { (store: Store) throws in
            #expect(try titles(store, "belted wr") == ["Belted Wrap Coat"])
            #expect(try titles(store, "wr belted").isEmpty)
        }
    }

    @Test func brandCategoryColourAndSKUWordsFindProducts() throws {
        try withCatalogue { (store: Store) throws in
            #expect(try titles(store, "northwool") == ["Belted Wrap Coat", "Navy Wool Jumper"])
            #expect(try Set(titles(store, "knitwear")) == ["Navy Wool Jumper", "Cable Scarf"])
            #expect(try Set(titles(store, "camel")) == ["Belted Wrap Coat"])
            #expect(try titles(store, "CRE-NAV-M") == ["Crème Organic Tee"])
        }
    }

    @Test func skusAreFoundButNeverOfferedAsSpellings() throws {
        try withCatalogue { (store: Store) throws in
            #expect(try titles(store, "cre-nav-m") == ["Crème Organic Tee"])
            let vocabulary = try store.database.query("SELECT word FROM search_words").map { try $0.text("word") }
            #expect(vocabulary.contains("jumper"))
            #expect(!vocabulary.contains("crenavm"))
            #expect(!vocabulary.contains { $0.contains(where: \.isNumber) })
        }
    }

    @Test func aTypoOfFiveLettersOrMoreIsCorrected() throws {
        try withCatalogue { (store: Store) throws in
            let results = try store.search(SearchQuery(text: "jumpre"))
            #expect(results.products.map(\.title) == ["Navy Wool Jumper", "Belted Wrap Coat"])
            #expect(results.corrections == ["jumpre": ["jumper"]])
            #expect(try titles(store, "cashmre wrap") == ["Belted Wrap Coat"])
        }
    }

    @Test func shortWordsAreNotCorrectedButSuggested() throws {
        try withCatalogue { (store: Store) throws in
            let results = try store.search(SearchQuery(text: "wol scarf"))
            #expect(results.total == 0)
            #expect(results.corrections.isEmpty)
            #expect(results.suggestion == "wool scarf")
            #expect(try store.search(SearchQuery(text: "qqqqqq")).suggestion == nil)
        }
    }

    @Test func querySyntaxIsNeverPassedToTheEngine() throws {
        try withCatalogue { (store: Store) throws in
            for text in ["\"", "wool\"", "*", "wool*", "NEAR(wool coat)", "wool AND", "OR", "^wool", "-wool", "'", "(", ":", "\u{0}"] {
                _ = try store.search(SearchQuery(text: text))
            }
            #expect(try titles(store, "\"belted\" -wrap* coat^") == ["Belted Wrap Coat"])
        }
    }

    @Test func anEmptyQueryListsEverythingNewestFirst() throws {
        try withCatalogue { (store: Store) throws in
            let results = try store.search(SearchQuery())
            #expect(results.total == 4)
            #expect(results.products.map(\.handle) == ["wrap-coat", "navy-jumper", "creme-tee", "cable-scarf"])
        }
    }

    @Test func sortsByPriceBothWays() throws {
        try withCatalogue { (store: Store) throws in
            var query = SearchQuery()
            query.sort = .priceLowHigh
            #expect(try store.search(query).products.map(\.handle) == ["creme-tee", "cable-scarf", "navy-jumper", "wrap-coat"])
            query.sort = .priceHighLow
            #expect(try store.search(query).products.map(\.handle) == ["wrap-coat", "navy-jumper", "cable-scarf", "creme-tee"])
        }
    }

    @Test func categoryAndBrandFacetsCountAndFilter() throws {
        try withCatalogue { (store: Store) throws in
            var query = SearchQuery()
            query.categories = ["knitwear"]
            let results = try store.search(query)
            #expect(Set(results.products.map(\.handle)) == ["navy-jumper", "cable-scarf"])
            // A facet counts under every other choice but its own.
            #expect(
                results.facets.categories == [
                    .init(value: "knitwear", count: 2), .init(value: "coats", count: 1), .init(value: "tees", count: 1),
                ])
            #expect(results.facets.brands == [.init(value: "Northwool", count: 1)])
            query.brands = ["northwool"]
            #expect(try store.search(query).products.map(\.handle) == ["navy-jumper"])
        }
    }

    @Test func optionFacetsApplyToOneVariantTogether() throws {
        try withCatalogue { (store: Store) throws in
            var query = SearchQuery()
            query.options = ["colour": ["navy"], "size": ["L"]]
            // The jumper is navy and comes in M, but has no navy L; the tee has.
            #expect(try store.search(query).products.map(\.handle) == ["creme-tee"])
            query.options = ["colour": ["Navy", "Camel"]]
            let results = try store.search(query)
            #expect(Set(results.products.map(\.handle)) == ["navy-jumper", "creme-tee", "wrap-coat"])
            let sizes = results.facets.options.first { $0.slug == "size" }?.values ?? []
            #expect(Set(sizes) == [.init(value: "S", count: 2), .init(value: "M", count: 3), .init(value: "L", count: 2)])
            query.options = ["colour": ["Purple"]]
            #expect(try store.search(query).total == 0)
        }
    }

    @Test func priceRangeIncludesBothEnds() throws {
        try withCatalogue { (store: Store) throws in
            var query = SearchQuery()
            query.lowestPrice = 3900
            query.highestPrice = 8900
            #expect(Set(try store.search(query).products.map(\.handle)) == ["navy-jumper", "cable-scarf"])
            query.lowestPrice = 1_000_000
            #expect(try store.search(query).total == 0)
        }
    }

    @Test func stockIsReadLive() throws {
        try withCatalogue { (store: Store) throws in
            for variant in Self.products[0].variants { try store.setStock(variant.sku, to: 0) }
            var query = SearchQuery(text: "jumper")
            let results = try store.search(query)
            #expect(results.products.first { $0.handle == "navy-jumper" }?.soldOut == true)
            #expect(results.facets.inStock == 1)
            query.inStockOnly = true
            #expect(try titles(store, query) == ["Belted Wrap Coat"])
            try store.setStock("NAV-GRE-S", to: 3)
            query.options = ["colour": ["Grey"]]
            #expect(try titles(store, query) == ["Navy Wool Jumper"])
        }
    }

    @Test func resultsComeTwentyFourAPage() throws {
        try withTemporaryStore { store in
            let products = (1...30).map { Product.sample(String(format: "tee-%02d", $0), price: Int64($0) * 100) }
            try store.syncCatalogue(products, categories: [])
            try store.indexForSearch(products, categories: [])
            var query = SearchQuery(text: "tee")
            query.sort = .priceLowHigh
            let first = try store.search(query)
            #expect(first.total == 30)
            #expect(first.pages == 2)
            #expect(first.products.count == 24)
            query.page = 2
            #expect(try store.search(query).products.map(\.handle) == (25...30).map { String(format: "tee-%02d", $0) })
            query.page = 9999
            #expect(try store.search(query).products.isEmpty)
        }
    }

    @Test func anEditedProductIsIndexedAgainAlone() throws {
        try withCatalogue { (store: Store) throws in
            #expect(try store.indexForSearch(Self.products, categories: Self.categories) == 0)
            var edited = Self.products
            edited[3].title = "Cable Snood"
            try store.syncCatalogue(edited, categories: Self.categories)
            #expect(try store.indexForSearch(edited, categories: Self.categories) == 1)
            #expect(try titles(store, "snood") == ["Cable Snood"])
            #expect(try titles(store, "scarf").isEmpty)
        }
    }

    @Test func aDeletedProductLeavesTheIndexAndItsWordsTheVocabulary() throws {
        try withCatalogue { (store: Store) throws in
            let remaining = Array(Self.products.dropLast())
            try store.syncCatalogue(remaining, categories: Self.categories)
            #expect(try store.indexForSearch(remaining, categories: Self.categories) == 1)
            #expect(try titles(store, "cable").isEmpty)
            #expect(try store.search(SearchQuery()).total == 3)
            // "chunky" was the scarf's alone: no longer a correction for "chunki"; "recycled" was
            // the scarf's too, "wool" is still the jumper's and the coat's.
            #expect(try store.search(SearchQuery(text: "chunki")).corrections.isEmpty)
            let counts = try store.database.query("SELECT word, products FROM search_words WHERE word IN ('wool', 'recycled', 'knit')")
            #expect(try counts.map { try $0.text("word") } == ["wool"])
            #expect(try counts.first?.int("products") == 2)
        }
    }

    @Test func cardsCarryPricesImagesAndSwatches() throws {
        try withCatalogue { (store: Store) throws in
            let hit = try #require(try store.search(SearchQuery(text: "jumper")).products.first)
            #expect(hit.price == .euros(8900))
            #expect(hit.brand == "Northwool")
            #expect(hit.image?.src == "/images/navy-jumper.svg")
            #expect(hit.swatches.map(\.name) == ["Navy", "Grey"])
            #expect(!hit.soldOut)
        }
    }
}

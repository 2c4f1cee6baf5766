import ShelfCore
import ShelfTesting
import Testing

@testable import ShelfStore

/// The "on sale" and price range facets, and counts that follow the stock and the index of a
/// store that has searched before (and keeps what it counts from), on both engines.
struct SearchFacetTests {
    /// The catalogue of ``SearchTests`` with the tee's navy S reduced from 39.00 to 29.00.
    static let products: [Product] = {
        var products = SearchTests.products
        products[2].variants[0].compareAtPrice = .euros(3900)
        return products
    }()

    func withCatalogue(_ body: (Store) throws -> Void) throws {
        try withTemporaryStore { store in
            try store.syncCatalogue(Self.products, categories: SearchTests.categories)
            try store.indexForSearch(Self.products, categories: SearchTests.categories)
            for product in Self.products {
                for variant in product.variants { try store.setStock(variant.sku, to: 1) }
            }
            try body(store)
        }
    }

    @Test func onSaleCountsAndFindsProductsWithAReducedVariant() throws {
        try withCatalogue { (store: Store) throws in
            #expect(try store.search(SearchQuery()).facets.onSale == 1)
            var query = SearchQuery()
            query.onSaleOnly = true
            let results = try store.search(query)
            #expect(results.products.map(\.handle) == ["creme-tee"])
            #expect(results.products.first?.compareAt == .euros(3900))
            // The reduced variant is S: on sale and M together find nothing.
            query.options = ["size": ["M"]]
            #expect(try store.search(query).total == 0)
            query.options = ["size": ["s"]]
            #expect(try store.search(query).products.map(\.handle) == ["creme-tee"])
        }
    }

    @Test func onSaleCountsOnlyUnderTheOtherChoices() throws {
        try withCatalogue { (store: Store) throws in
            var query = SearchQuery()
            query.categories = ["knitwear"]
            #expect(try store.search(query).facets.onSale == 0)
            query.categories = ["tees"]
            #expect(try store.search(query).facets.onSale == 1)
            query.categories = []
            query.options = ["colour": ["Navy"], "size": ["L"]]
            #expect(try store.search(query).facets.onSale == 0)
        }
    }

    @Test func priceRangesSplitTheCatalogueAtRoundAmounts() throws {
        try withCatalogue { (store: Store) throws in
            // Lowest prices 29, 39, 89 and 249: the quartiles 39, 89 and 249 round to 50, 100, 250.
            #expect(
                try store.search(SearchQuery()).facets.priceRanges == [
                    .init(lowest: nil, highest: 4999, count: 2), .init(lowest: 5000, highest: 9999, count: 1),
                    .init(lowest: 10000, highest: 24999, count: 1), .init(lowest: 25000, highest: nil, count: 0),
                ])
        }
    }

    @Test func aPriceRangeCountsUnderTheOtherChoicesAndFilters() throws {
        try withCatalogue { (store: Store) throws in
            var query = SearchQuery()
            query.categories = ["knitwear"]
            query.lowestPrice = 5000
            query.highestPrice = 9999
            let results = try store.search(query)
            #expect(results.products.map(\.handle) == ["navy-jumper"])
            // The chosen range leaves the others' counts as they are: the scarf is under 50.
            #expect(results.facets.priceRanges.map(\.count) == [1, 1, 0, 0])
            // Counted with the other choices: camel is the coat's alone.
            query.categories = []
            query.lowestPrice = nil
            query.highestPrice = nil
            query.options = ["colour": ["Camel"]]
            #expect(try store.search(query).facets.priceRanges.map(\.count) == [0, 0, 1, 0])
        }
    }

    @Test func priceRangesNeedTwoPricedProducts() {
        #expect(SearchCatalogue.priceRanges(of: []).isEmpty)
        #expect(SearchCatalogue.priceRanges(of: [2900]).isEmpty)
        #expect(SearchCatalogue.priceRanges(of: [2900, 2900, 2900, 2900]) == [0...2499, 2500...Int64.max])
        #expect(SearchCatalogue.roundAmount(7) == 7)
        #expect(SearchCatalogue.roundAmount(1_234_567) == 1_000_000)
    }

    @Test func aStockChangeMovesTheCountsOfAStoreThatSearchedBefore() throws {
        try withCatalogue { (store: Store) throws in
            var query = SearchQuery(text: "jumper")
            #expect(try store.search(query).facets.inStock == 2)
            for variant in Self.products[0].variants { try store.setStock(variant.sku, to: 0) }
            #expect(try store.search(query).facets.inStock == 1)
            query.inStockOnly = true
            #expect(try store.search(query).products.map(\.handle) == ["wrap-coat"])
            try store.setStock("NAV-NAV-M", to: 2)
            #expect(try store.search(query).products.map(\.handle) == ["navy-jumper", "wrap-coat"])
        }
    }

    @Test func aReindexedProductIsCountedAgainByAStoreThatSearchedBefore() throws {
        try withCatalogue { (store: Store) throws in
            var query = SearchQuery()
            query.sort = .priceLowHigh
            #expect(try store.search(query).products.first?.handle == "creme-tee")
            var edited = Self.products
            edited[3].variants[0].price = .euros(1900)
            edited[3].brand = "Field & Co"
            try store.syncCatalogue(edited, categories: SearchTests.categories)
            #expect(try store.indexForSearch(edited, categories: SearchTests.categories) == 1)
            let results = try store.search(query)
            #expect(results.products.first?.handle == "cable-scarf")
            #expect(results.facets.brands == [.init(value: "Field & Co", count: 2), .init(value: "Northwool", count: 2)])
        }
    }
}

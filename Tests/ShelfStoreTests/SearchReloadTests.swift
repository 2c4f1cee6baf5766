import ShelfCore
import ShelfTesting
import Testing

@testable import ShelfStore

/// A search process that read the index at one version and catches up with a later one by
/// patching its catalogue with the rows written since: its answers must be those of a process
/// that reads everything afresh, on SQLite and (with `SHELF_TEST_DATABASE=postgresql`) on
/// PostgreSQL.
struct SearchReloadTests {
    /// Syncs `products` as a build does and indexes the published ones.
    func build(_ store: Store, _ products: [Product]) throws {
        try store.syncCatalogue(products, categories: SearchTests.categories)
        try store.indexForSearch(products.filter(\.published), categories: SearchTests.categories)
    }

    /// The store of ``SearchTests``, every SKU in stock, which has searched once.
    func withSearchedCatalogue(_ body: (Store) throws -> Void) throws {
        try withTemporaryStore { store in
            try build(store, SearchTests.products)
            for product in SearchTests.products {
                for variant in product.variants { try store.setStock(variant.sku, to: 1) }
            }
            // Postings the edits below change (wool, the jumper's title) and some they do not.
            for text in ["wool", "jump", "cashmere", "tee", "scarf", ""] { _ = try store.search(SearchQuery(text: text)) }
            try body(store)
        }
    }

    /// Every edit the issue names: a title, a price, a category change, a colour added, one
    /// product unpublished, one deleted, one added.
    static func edited(_ products: [Product]) -> [Product] {
        var products = products
        products[0].title = "Navy Merino Jumper"
        products[1].variants[0].price = .euros(19900)
        products[2].categories = ["knitwear", "tees"]
        products[3].options[0].values.append(OptionValue("Rust", swatch: "#b7410e"))
        products[3].variants.append(Variant(sku: "CAB-RUS-ONESIZE", optionValues: ["Rust", "One size"], price: .euros(4200)))
        products[2].published = false
        products.remove(at: 1)
        products.append(
            SearchTests.product(
                "linen-shirt", "Linen Shirt", brand: "Sailcloth", categories: ["tees"], date: "2024-04-01",
                colours: [("Sand", "#d8c8a8")], sizes: ["M"], price: 5900, description: "<p>Washed linen, cool in summer.</p>"))
        return products
    }

    /// The queries compared: words, a prefix, a typo, no match, each facet, the sorts.
    static let queries: [SearchQuery] = {
        var queries = ["", "wool", "jump", "merino", "cashmere", "tee", "scarf", "linen", "jumpre", "scraf", "qwertyuiop", "navy"].map {
            SearchQuery(text: $0)
        }
        var query = SearchQuery()
        query.options = ["colour": ["Rust"]]
        queries.append(query)
        query = SearchQuery()
        query.categories = ["knitwear"]
        query.sort = .priceLowHigh
        queries.append(query)
        query = SearchQuery(text: "wool")
        query.inStockOnly = true
        query.sort = .priceHighLow
        queries.append(query)
        query = SearchQuery()
        query.brands = ["Sailcloth"]
        queries.append(query)
        query = SearchQuery()
        query.sort = .newest
        queries.append(query)
        return queries
    }()

    /// A search's answer as text: total, cards, facets, corrections and suggestion.
    func answer(_ store: Store, _ query: SearchQuery) throws -> String {
        let results = try store.search(query)
        let corrections = results.corrections.sorted { $0.key < $1.key }
        return "\(results.total) \(results.products) \(results.facets) \(corrections) \(String(describing: results.suggestion))"
    }

    /// Expects `store`'s answers to be those of a new store on the same database, which reads the catalogue whole.
    func expectFreshAnswers(_ store: Store, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let fresh = Store(database: store.database)
        for query in Self.queries {
            #expect(try answer(store, query) == answer(fresh, query), "\(query)", sourceLocation: sourceLocation)
        }
    }

    /// Expects `patched` to hold what a catalogue read whole from `database` holds.
    func expectSameCatalogue(
        _ patched: SearchCatalogue, _ database: any Database, sourceLocation: SourceLocation = #_sourceLocation
    )
        throws
    {
        let read = try SearchCatalogue.read(database)
        #expect(patched.products.map(\.handle) == read.products.map(\.handle), sourceLocation: sourceLocation)
        #expect(patched.products.map(\.title) == read.products.map(\.title), sourceLocation: sourceLocation)
        #expect(patched.brands == read.brands && patched.brandOf == read.brandOf, sourceLocation: sourceLocation)
        #expect(patched.categories == read.categories, sourceLocation: sourceLocation)
        #expect(patched.categoryList == read.categoryList && patched.categoryStarts == read.categoryStarts, sourceLocation: sourceLocation)
        #expect(patched.options.map(\.values) == read.options.map(\.values), sourceLocation: sourceLocation)
        #expect(
            patched.variants.prices == read.variants.prices && patched.variants.values == read.variants.values,
            sourceLocation: sourceLocation)
        #expect(patched.variants.available == read.variants.available, sourceLocation: sourceLocation)
        #expect(patched.skus == read.skus && patched.titleOrder == read.titleOrder, sourceLocation: sourceLocation)
        #expect(patched.priceRanges == read.priceRanges && patched.indexVersion == read.indexVersion, sourceLocation: sourceLocation)
    }

    @Test func aCatalogueIsPatchedWithTheRowsWrittenSinceItsVersion() throws {
        try withSearchedCatalogue { (store: Store) throws in
            let before = try SearchCatalogue.read(store.database)
            try build(store, Self.edited(SearchTests.products))
            try store.setStock("CAB-RUS-ONESIZE", to: 0)
            let state = try SearchIndexState.read(store.database)
            let patch = try before.patched(store.database, to: state)
            #expect(patch != nil)
            let (patched, change) = try #require(patch)
            // The scarf, jumper and new shirt were written, the coat and tee left: five documents, no more.
            #expect(change.documents.count == 5)
            try expectSameCatalogue(patched, store.database)
        }
    }

    @Test func aProcessThatSearchedBeforeABuildAnswersAsAFreshOne() throws {
        try withSearchedCatalogue { (store: Store) throws in
            try build(store, Self.edited(SearchTests.products))
            try store.setStock("CAB-RUS-ONESIZE", to: 0)
            try expectFreshAnswers(store)
            #expect(try store.search(SearchQuery(text: "merino jumper")).products.map(\.handle) == ["navy-jumper"])
            // "wool" was searched (and its postings kept) when the jumper's title still had it.
            #expect(try store.search(SearchQuery(text: "wool")).products.map(\.handle) == ["cable-scarf"])
        }
    }

    /// Expects `store`'s answers to be those of a store that indexed `products` from nothing,
    /// in another database, with the same stock: what a full rebuild would answer.
    func expectAnswersOfAFullRebuild(_ store: Store, _ products: [Product], sourceLocation: SourceLocation = #_sourceLocation) throws {
        let skus = products.flatMap { $0.variants.map(\.sku) }
        let stock = try store.stockLevels(for: skus)
        try withTemporaryStore { (full: Store) throws in
            try build(full, products)
            for sku in skus { try full.setStock(sku, to: stock[sku] ?? 0) }
            for query in Self.queries {
                #expect(try answer(store, query) == answer(full, query), "\(query)", sourceLocation: sourceLocation)
            }
        }
    }

    @Test func aProcessReadingPendingPostingsAnswersAsAFullRebuild() throws {
        try withSearchedCatalogue { (store: Store) throws in
            let edited = Self.edited(SearchTests.products)
            try build(store, edited)
            try store.setStock("CAB-RUS-ONESIZE", to: 0)
            // The edits are pending changes beside the rows, which a search must read too.
            #expect(try SearchPostingsTests.pendingCount(store) > 0)
            try expectAnswersOfAFullRebuild(store, edited)
            // Folded into the rows by the next run, they answer the same.
            var again = edited
            again[0].descriptionHTML = "<p>Merino, knitted in Scotland.</p>"
            try store.syncCatalogue(again, categories: SearchTests.categories)
            try store.indexForSearch(
                again.filter(\.published), categories: SearchTests.categories, removingOthers: true, foldingAbove: 0)
            #expect(try SearchPostingsTests.pendingCount(store) == 0)
            try expectAnswersOfAFullRebuild(store, again)
        }
    }

    @Test func anOldCatalogueCatchesUpAfterManyBuilds() throws {
        try withSearchedCatalogue { (store: Store) throws in
            let before = try SearchCatalogue.read(store.database)
            var products = SearchTests.products
            for round in 1...12 {
                products[round % 4].variants[0].price = .euros(Int64(1000 + 100 * round))
                products[(round + 1) % 4].title += " \(round)"
                products[(round + 2) % 4].published = round.isMultiple(of: 3)
                try build(store, products)
                if round.isMultiple(of: 4) { try expectFreshAnswers(store) }
            }
            try build(store, Self.edited(products))
            let state = try SearchIndexState.read(store.database)
            let (patched, _) = try #require(try before.patched(store.database, to: state))
            try expectSameCatalogue(patched, store.database)
            try expectFreshAnswers(store)
        }
    }

    @Test func aCatalogueOlderThanTheRemovalsKeptIsReadWhole() throws {
        try withSearchedCatalogue { (store: Store) throws in
            let before = try SearchCatalogue.read(store.database)
            try build(store, Array(SearchTests.products.dropLast()))
            try build(store, Self.edited(SearchTests.products))
            try store.pruneSearchRemovals(keeping: 1)
            let state = try SearchIndexState.read(store.database)
            #expect(try before.patched(store.database, to: state) == nil)
            try expectFreshAnswers(store)
        }
    }

    @Test func aProductUnpublishedWithoutItsRowWrittenIsNoticed() throws {
        try withSearchedCatalogue { (store: Store) throws in
            let before = try SearchCatalogue.read(store.database)
            var products = SearchTests.products
            products[0].title = "Navy Merino Jumper"
            try build(store, products)
            // The catalogue alone unpublishes the coat; the index still holds its row.
            products[1].published = false
            try store.syncCatalogue(products, categories: SearchTests.categories)
            let state = try SearchIndexState.read(store.database)
            #expect(try before.patched(store.database, to: state) == nil)
            #expect(try store.search(SearchQuery(text: "coat")).total == 0)
        }
    }
}

import ShelfCore
import ShelfTesting
import Testing

@testable import ShelfStore

/// The postings `shelf build` writes for the search: their text encoding, and an incremental
/// index writing exactly what a full one would, on SQLite and PostgreSQL.
struct SearchPostingsTests {
    @Test func postingsReadBackAsWritten() {
        let postings = SearchPostings(
            documents: [1, 2, 31, 32, 33, 1_000, 70_000, Int32.max], frequencies: [1, 10, 31, 32, 1_023, 1_024, 6, Int32.max])
        let text = postings.encoded
        #expect(SearchPostings(encoded: text) == postings)
        #expect(text.utf8.allSatisfy { (UInt8(ascii: "0")...UInt8(ascii: "o")).contains($0) })
        #expect(SearchPostings(encoded: "") == SearchPostings())
    }

    @Test(arguments: ["P", "0", "~", "PPPPPPPPP0", "é"])
    func textThatIsNoEncodingReadsAsNothing(text: String) {
        #expect(SearchPostings(encoded: text) == nil)
    }

    @Test func aPrefixTakesTheWordsItStartsTogether() {
        let card = SearchPostings(documents: [1, 4], frequencies: [10, 1])
        let cardigan = SearchPostings(documents: [2, 4], frequencies: [6, 3])
        #expect(SearchPostings.union([card, cardigan]) == SearchPostings(documents: [1, 2, 4], frequencies: [10, 6, 4]))
    }

    @Test func anEditReplacesItsDocumentsAndKeepsTheOthersInOrder() {
        let row = SearchPostings(documents: [2, 5, 9, 14, 20], frequencies: [1, 2, 3, 4, 5])
        // 5 is edited (new weight), 14 loses the word, 1 and 30 gain it, 9 is untouched.
        let edited = row.replacing([1, 5, 14, 30], with: [(30, 7), (5, 8), (1, 6)])
        #expect(edited == SearchPostings(documents: [1, 2, 5, 9, 20, 30], frequencies: [6, 1, 8, 3, 5, 7]))
        #expect(row.replacing([2, 5, 9, 14, 20], with: []) == SearchPostings())
        #expect(SearchPostings().replacing([3], with: [(3, 1)]) == SearchPostings(documents: [3], frequencies: [1]))
    }

    /// Every row of `search_postings` as stored, decoded, by word: without the pending changes.
    static func storedRows(_ store: Store) throws -> [String: SearchPostings] {
        var rows: [String: SearchPostings] = [:]
        for row in try store.database.query("SELECT term, postings FROM search_postings") {
            rows[try row.text("term")] = SearchPostings(encoded: try row.text("postings"))
        }
        return rows
    }

    /// Every word's postings as a search reads them: its row with the pending changes laid over it.
    static func rows(_ store: Store) throws -> [String: SearchPostings] {
        try store.currentPostings(where: "term >= ?", [.text("")])
    }

    static func pendingCount(_ store: Store) throws -> Int {
        try store.database.query("SELECT COUNT(*) AS pending FROM search_posting_changes").first?.int("pending") ?? 0
    }

    /// The postings' documents as handles, so stores that numbered them apart compare; `rows`
    /// chooses which postings (``rows(_:)``, as a search reads them, by default).
    static func byHandle(
        _ store: Store, _ rows: (Store) throws -> [String: SearchPostings] = rows
    ) throws -> [String: [String: Int32]] {
        var handles: [Int32: String] = [:]
        for row in try store.database.query("SELECT handle, doc FROM search_documents") {
            handles[Int32(try row.int64("doc"))] = try row.text("handle")
        }
        return try rows(store).mapValues { postings in
            Dictionary(uniqueKeysWithValues: zip(postings.documents, postings.frequencies).map { (handles[$0.0] ?? "?", $0.1) })
        }
    }

    @Test func anIncrementalIndexWritesWhatAFullIndexWould() throws {
        var edited = SearchTests.products
        edited[1].title = "Belted Cashmere Overcoat"
        edited[1].descriptionHTML = "<p>Double-faced cashmere, lined in silk.</p>"
        try withTemporaryStore { (incremental: Store) throws in
            try incremental.syncCatalogue(SearchTests.products, categories: SearchTests.categories)
            try incremental.indexForSearch(SearchTests.products, categories: SearchTests.categories)
            let before = try Self.byHandle(incremental)
            #expect(before["wool"]?.keys.sorted() == ["cable-scarf", "navy-jumper", "wrap-coat"])
            try incremental.syncCatalogue(edited, categories: SearchTests.categories)
            try incremental.indexForSearch([edited[1]], categories: SearchTests.categories, removingOthers: false)
            try incremental.indexForSearch(Array(edited.dropFirst()), categories: SearchTests.categories)
            try withTemporaryStore { (full: Store) throws in
                try full.syncCatalogue(Array(edited.dropFirst()), categories: SearchTests.categories)
                try full.indexForSearch(Array(edited.dropFirst()), categories: SearchTests.categories)
                let expected = try Self.byHandle(full)
                #expect(try Self.byHandle(incremental) == expected)
                #expect(expected["wool"]?.keys.sorted() == ["cable-scarf"])
                #expect(expected["overcoat"] == ["wrap-coat": 10])
                #expect(expected["navy"]?["navy-jumper"] == nil)
            }
        }
    }

    /// The catalogue of ``SearchTests`` with the coat rewritten, the jumper gone and a shirt
    /// added: most of the wool, jumper and coat postings change.
    static var edited: [Product] {
        var edited = Array(SearchTests.products.dropFirst())
        edited[0].title = "Belted Cashmere Overcoat"
        edited[0].descriptionHTML = "<p>Double-faced cashmere, lined in silk.</p>"
        edited.append(
            SearchTests.product(
                "linen-shirt", "Linen Shirt", brand: "Sailcloth", categories: ["tees"], date: "2024-04-01",
                colours: [("Sand", "#d8c8a8")], sizes: ["M"], price: 5900, description: "<p>Washed wool and linen.</p>"))
        return edited
    }

    /// Syncs and indexes `products` with every change folded into the rows, none left pending.
    static func indexFolded(_ store: Store, _ products: [Product]) throws {
        try store.syncCatalogue(products, categories: SearchTests.categories)
        try store.indexForSearch(products, categories: SearchTests.categories, removingOthers: true, foldingAbove: 0)
        #expect(try pendingCount(store) == 0)
    }

    /// The postings by handle, as stored, of a store that indexed `products` once, from nothing.
    static func fullIndex(of products: [Product]) throws -> [String: [String: Int32]] {
        try withTemporaryStore { (full: Store) throws in
            try indexFolded(full, products)
            return try byHandle(full, storedRows)
        }
    }

    @Test func anEditLeavesTheRowsAndIsReadFromItsPendingChanges() throws {
        try withTemporaryStore { (store: Store) throws in
            try Self.indexFolded(store, SearchTests.products)
            let stored = try Self.storedRows(store)
            try store.syncCatalogue(Self.edited, categories: SearchTests.categories)
            try store.indexForSearch(Self.edited, categories: SearchTests.categories)
            // The rows are as the first index wrote them; the edit is in the pending changes alone.
            #expect(try Self.storedRows(store) == stored)
            #expect(try Self.pendingCount(store) > 0)
            let expected = try Self.fullIndex(of: Self.edited)
            #expect(try Self.byHandle(store) == expected)
            #expect(expected["wool"]?.keys.sorted() == ["cable-scarf", "linen-shirt"])
            #expect(expected["overcoat"] == ["wrap-coat": 10])
            #expect(try store.search(SearchQuery(text: "wool")).products.map(\.handle).sorted() == ["cable-scarf", "linen-shirt"])
            #expect(try store.search(SearchQuery(text: "overc")).products.map(\.handle) == ["wrap-coat"])
        }
    }

    @Test func pendingChangesFoldIntoTheRowsPastTheLimit() throws {
        try withTemporaryStore { (store: Store) throws in
            try Self.indexFolded(store, SearchTests.products)
            var edited = Self.edited
            try store.syncCatalogue(edited, categories: SearchTests.categories)
            try store.indexForSearch(edited, categories: SearchTests.categories)
            let pending = try Self.pendingCount(store)
            #expect(pending > 0)
            // One more edit that would pass the limit folds every pending change with its own.
            edited[1].descriptionHTML = "<p>Soft cotton, now in wool.</p>"
            try store.syncCatalogue(edited, categories: SearchTests.categories)
            try store.indexForSearch(edited, categories: SearchTests.categories, removingOthers: true, foldingAbove: pending)
            #expect(try Self.pendingCount(store) == 0)
            let expected = try Self.fullIndex(of: edited)
            #expect(try Self.byHandle(store, Self.storedRows) == expected)
            #expect(expected["wool"]?.keys.sorted() == ["cable-scarf", "creme-tee", "linen-shirt"])
        }
    }

    @Test func aLaterChangeOfAWordAndDocumentReplacesTheEarlierPendingOne() throws {
        try withTemporaryStore { (store: Store) throws in
            try Self.indexFolded(store, SearchTests.products)
            var products = SearchTests.products
            for description in ["<p>Merino, merino.</p>", "<p>No such word.</p>", "<p>Merino again.</p>"] {
                products[0].descriptionHTML = description
                try store.syncCatalogue(products, categories: SearchTests.categories)
                try store.indexForSearch([products[0]], categories: SearchTests.categories, removingOthers: false)
                #expect(try Self.byHandle(store) == Self.fullIndex(of: products), "\(description)")
            }
            #expect(try Self.pendingCount(store) > 0)
        }
    }

    /// The engine's own text index (FTS5's table, PostgreSQL's weighted words) is dropped and
    /// not written: a search still finds a product by its words, typos and prefixes.
    @Test func theEnginesOwnTextIndexIsGoneAndSearchStillFinds() throws {
        try withTemporaryStore { (store: Store) throws in
            try store.syncCatalogue(SearchTests.products, categories: SearchTests.categories)
            try store.indexForSearch(SearchTests.products, categories: SearchTests.categories)
            let dialect = store.database.dialect
            let tables = try store.database.query(dialect.tables).map { try $0.text("name") }
            #expect(!tables.contains { $0.hasPrefix("search_text") })
            let columns = try store.database.query(dialect.columns, [.text("search_documents")]).map { try $0.text("name") }
            #expect(columns.contains("terms"))
            #expect(!columns.contains("words"))
            for text in ["cashmere", "jumpr", "creme"] {
                #expect(!(try store.search(SearchQuery(text: text)).products.isEmpty), "\(text)")
            }
        }
    }
}

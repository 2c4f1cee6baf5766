import ShelfCore
import ShelfTesting
import Testing

@testable import ShelfStore

/// An index run folds its postings into the rows batch by batch as it goes, so a first build
/// never holds them all: the index it leaves is the one a single fold at its end leaves, byte
/// for byte, on SQLite and PostgreSQL.
struct SearchPostingsBatchTests {
    /// Every row of the search tables as stored, as text, in order.
    static func dump(_ store: Store) throws -> [String] {
        let tables = [
            "SELECT handle, doc, length, terms, vocabulary, fingerprint, version FROM search_documents ORDER BY handle",
            "SELECT term, postings FROM search_postings ORDER BY term",
            "SELECT term, doc, frequency FROM search_posting_changes ORDER BY term, doc",
            "SELECT word, products FROM search_words ORDER BY word",
            "SELECT COUNT(*) AS deletions FROM search_deletions",
            "SELECT version, handle FROM search_removals ORDER BY version, handle",
        ]
        var lines: [String] = []
        for select in tables {
            for row in try store.database.query(select) {
                lines.append(row.values.map { "\($0)" }.joined(separator: " | "))
            }
        }
        return lines
    }

    /// A store that indexed `runs` one after another (each synced first), every run folding
    /// above `limit` in batches of `batch`.
    static func index(_ runs: [[Product]], limit: Int, batch: Int) throws -> [String] {
        try withTemporaryStore { (store: Store) throws in
            for products in runs {
                try store.syncCatalogue(products, categories: SearchTests.categories)
                try store.indexForSearch(
                    products, categories: SearchTests.categories, removingOthers: true, foldingAbove: limit, foldingEvery: batch)
            }
            return try dump(store)
        }
    }

    @Test(arguments: [1, 2, 7])
    func aFirstIndexFoldedInBatchesIsTheOneFoldedOnce(batch: Int) throws {
        let once = try Self.index([SearchTests.products], limit: 0, batch: .max)
        #expect(try Self.index([SearchTests.products], limit: 0, batch: batch) == once)
        #expect(once.contains { $0.contains("wool") })
    }

    /// The second run edits a product (its old and new words in one batch), removes one that
    /// shares words with the others (its words left in a later batch than theirs) and adds
    /// one, over pending changes an edit left, which the first batch folds.
    @Test(arguments: [1, 2, 5])
    func anEditFoldedInBatchesIsTheOneFoldedOnce(batch: Int) throws {
        var first = SearchTests.products
        first[2].descriptionHTML = "<p>Merino now.</p>"
        let runs = [SearchTests.products, first, SearchPostingsTests.edited]
        let once = try Self.index(runs, limit: 10, batch: .max)
        #expect(try Self.index(runs, limit: 10, batch: batch) == once)
        #expect(once.contains { $0.contains("linen-shirt") })
    }

    /// Every product but the last is a batch of its own; the last one's few changes, under the
    /// limit, would stay pending, where one fold of the whole run writes them into the rows.
    @Test func whatIsLeftAfterTheLastBatchIsFoldedToo() throws {
        let sock = SearchTests.product(
            "sock", "Sock", brand: nil, categories: ["tees"], date: "2024-05-01", colours: [], sizes: [], price: 900,
            description: "")
        let titles = Dictionary(uniqueKeysWithValues: SearchTests.categories.map { ($0.handle, $0.title) })
        func size(_ product: Product) -> Int {
            SearchRanking.weightedWords(of: SearchDocument(product, categoryTitles: titles).fields).words.count
        }
        let limit = size(sock)
        #expect(SearchTests.products.allSatisfy { size($0) > limit })
        let runs = [SearchTests.products + [sock]]
        let once = try Self.index(runs, limit: limit, batch: .max)
        #expect(try Self.index(runs, limit: limit, batch: 1) == once)
        #expect(once.contains { $0.contains("sock") })
    }

    @Test func aRunUnderTheLimitFoldsNoBatchAndLeavesItsChangesPending() throws {
        try withTemporaryStore { (store: Store) throws in
            try SearchPostingsTests.indexFolded(store, SearchTests.products)
            let rows = try SearchPostingsTests.storedRows(store)
            try store.syncCatalogue(SearchPostingsTests.edited, categories: SearchTests.categories)
            try store.indexForSearch(
                SearchPostingsTests.edited, categories: SearchTests.categories, removingOthers: true, foldingAbove: 10_000,
                foldingEvery: 1)
            #expect(try SearchPostingsTests.storedRows(store) == rows)
            #expect(try SearchPostingsTests.pendingCount(store) > 0)
            #expect(try SearchPostingsTests.byHandle(store) == SearchPostingsTests.fullIndex(of: SearchPostingsTests.edited))
        }
    }

    @Test func aRunThatFailsAfterFoldingABatchLeavesTheIndexAsItWas() throws {
        try withTemporaryStore { (store: Store) throws in
            try SearchPostingsTests.indexFolded(store, SearchTests.products)
            let before = try Self.dump(store)
            let products = SearchPostingsTests.edited
            try store.syncCatalogue(products, categories: SearchTests.categories)
            // The new shirt comes last: the batches of the products before it are folded by then.
            #expect(products.last?.handle == "linen-shirt")
            try store.refuseSearchDocument("linen-shirt")
            #expect(throws: (any Error).self) {
                try store.indexForSearch(
                    products, categories: SearchTests.categories, removingOthers: true, foldingAbove: 0, foldingEvery: 1)
            }
            #expect(try Self.dump(store) == before)
        }
    }
}

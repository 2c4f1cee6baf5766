import ShelfCore
import ShelfTesting
import Testing

@testable import ShelfStore

/// `shelf build` on several hosts at once: their catalogue syncs take turns.
struct CatalogueSyncRaceTests {
    @Test func syncsOfOneNewCatalogueAtOnceAddEachProductOnce() throws {
        let hosts = 4
        try withTemporaryDirectory { directory in
            let store = try makeStore(in: directory)
            let connections = try (0..<hosts).map { _ in try directory.openStore() }
            for round in 0..<6 {
                // Each round brings new products, categories and SKUs, so every sync has rows to insert.
                let categories = [Category.sample("round-\(round)")]
                let products = (0..<3).map { Product.sample("tee-\(round)-\($0)", categories: ["round-\(round)"]) }
                let syncs = try runConcurrently(threads: hosts) { host in
                    try connections[host].syncCatalogue(products, categories: categories)
                }
                #expect(syncs.map(\.added).reduce(0, +) == products.count, "round \(round): \(syncs.map(\.added))")
            }
            #expect(try store.stockList().count == 6 * 3 * 3)
        }
    }
}

import ShelfTesting
import Testing

@testable import ShelfStore

/// The index `cart_lines_in_order`: an older store gains it with its carts as they were, and
/// SQLite reads a cart through it instead of sorting the lines.
struct CartLinesInOrderTests {
    static let now: Int64 = 1_700_000_000

    @Test func theMigrationKeepsTheOrderOfAnOlderStoresCarts() throws {
        try withTemporaryDirectory { directory in
            let store = try directory.openStore()
            _ = try store.database.migrate(Array(Migration.all.prefix { $0.name != "cart_lines_in_order" }))
            try stockTees(store, ["TEE-S": 5, "TEE-M": 5, "TEE-L": 5])
            let session = try store.createSession(tokenHash: sampleTokenHash(1), now: Self.now, lifetime: 86_400)
            // Added out of the SKUs' order, so that an order by SKU would show.
            for (offset, sku) in ["TEE-M", "TEE-S", "TEE-L"].enumerated() {
                try store.addToCart(sku, quantity: offset + 1, in: session, now: Self.now, maxPerLine: 10)
            }
            try store.setCartQuantity("TEE-M", to: 4, in: session, now: Self.now, maxPerLine: 10)

            #expect(try store.migrate() == ["cart_lines_in_order"])
            let cart = try #require(try store.sessionCart(tokenHash: sampleTokenHash(1), now: Self.now))
            #expect(cart.lines.map { "\($0.variant.sku) \($0.quantity)" } == ["TEE-M 4", "TEE-S 2", "TEE-L 3"])
            #expect(try store.cartLines(in: session) == cart.lines)
            try store.addToCart("TEE-S", quantity: 1, in: session, now: Self.now, maxPerLine: 10)
            #expect(try store.cartLines(in: session).map(\.variant.sku) == ["TEE-M", "TEE-S", "TEE-L"])
        }
    }

    @Test(arguments: [Store.sessionCartQuery, Store.cartLinesQuery])
    func sqliteReadsACartWithoutSortingIt(query: String) throws {
        try withTemporaryDirectory { directory in
            let database = try SQLiteDatabase(path: directory.file("shelf.db"))
            _ = try database.migrate(Migration.all)
            // A plan does not depend on the values; NULL fills every placeholder.
            let arguments = [SQLValue](repeating: .null, count: query.filter { $0 == "?" }.count)
            let plan = try database.query("EXPLAIN QUERY PLAN " + query, arguments)
            let steps = try plan.map { try $0.text("detail") }
            #expect(steps.contains { $0.contains("cart_lines_in_order") }, "\(steps)")
            #expect(!steps.contains { $0.contains("TEMP B-TREE") }, "\(steps)")
        }
    }
}

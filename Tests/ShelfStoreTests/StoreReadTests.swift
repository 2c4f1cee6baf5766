import ShelfTesting
import Testing

@testable import ShelfStore

/// Reads grouped with `Store.read`: one read transaction on SQLite, joining a transaction that
/// is already open.
struct StoreReadTests {
    @Test(.enabled(if: !TestDatabase.isPostgreSQL, "SQLite's read transaction"))
    func onSQLiteTheReadsShareOneTransaction() throws {
        try withTemporaryDirectory { directory in
            let store = try makeStore(in: directory)
            try stockTees(store, ["TEE-M": 1])
            let writer = try directory.openStore()
            // A write by another connection between the two reads is not seen by the second:
            // both run in the one read transaction, not one each.
            let seen = try store.read {
                let before = try store.stockRow("TEE-M").onHand
                try writer.setStock("TEE-M", to: 5)
                return [before, try store.stockRow("TEE-M").onHand]
            }
            #expect(seen == [1, 1])
            #expect(try store.stockRow("TEE-M").onHand == 5)
        }
    }

    @Test func readsInsideATransactionJoinIt() throws {
        try withTemporaryDirectory { directory in
            let store = try makeStore(in: directory)
            try stockTees(store, ["TEE-M": 1])
            let seen = try store.database.transaction {
                try store.database.execute("UPDATE stock SET on_hand = 4 WHERE sku = ?", [.text("TEE-M")])
                return try store.read { try store.stockRow("TEE-M").onHand }
            }
            #expect(seen == 4)
        }
    }
}

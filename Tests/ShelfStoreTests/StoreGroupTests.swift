import ShelfTesting
import Testing

@testable import ShelfStore

/// Requests answered together with `Store.grouped`: on SQLite one transaction, each request's
/// own transactions savepoints inside it; on PostgreSQL one request after another.
struct StoreGroupTests {
    private struct Refused: Error {}

    @Test(.enabled(if: !TestDatabase.isPostgreSQL, "SQLite's groups"))
    func aGroupsTransactionsAreCommittedTogetherAtItsEnd() throws {
        try withTemporaryDirectory { directory in
            let store = try makeStore(in: directory)
            try stockTees(store, ["TEE-M": 1, "TEE-L": 1])
            let reader = try directory.openStore()
            #expect(store.groupsRequests)
            let seenMeanwhile = try store.grouped(writing: true) {
                try store.setStock("TEE-M", to: 4)
                try store.setStock("TEE-L", to: 6)
                // Another connection sees nothing of the group before it ends.
                return [try reader.stockRow("TEE-M").onHand, try reader.stockRow("TEE-L").onHand]
            }
            #expect(seenMeanwhile == [1, 1])
            #expect(try reader.stockRow("TEE-M").onHand == 4)
            #expect(try reader.stockRow("TEE-L").onHand == 6)
        }
    }

    @Test func aTransactionThatThrowsInAGroupIsUndoneAlone() throws {
        try withTemporaryDirectory { directory in
            let store = try makeStore(in: directory)
            try stockTees(store, ["TEE-M": 1, "TEE-L": 1, "TEE-S": 1])
            try store.grouped(writing: true) {
                try store.setStock("TEE-M", to: 4)
                #expect(throws: Refused.self) {
                    try store.database.transaction {
                        try store.database.execute("UPDATE stock SET on_hand = 9 WHERE sku = ?", [.text("TEE-L")])
                        throw Refused()
                    }
                }
                try store.setStock("TEE-S", to: 7)
            }
            #expect(try store.stockRow("TEE-M").onHand == 4)
            #expect(try store.stockRow("TEE-L").onHand == 1)
            #expect(try store.stockRow("TEE-S").onHand == 7)
        }
    }

    @Test(.enabled(if: !TestDatabase.isPostgreSQL, "SQLite's groups"))
    func aGroupWhoseTransactionEndedCommitsNothing() throws {
        try withTemporaryDirectory { directory in
            let store = try makeStore(in: directory)
            try stockTees(store, ["TEE-M": 1, "TEE-L": 1])
            // As SQLite does after some failures (a full disk, an I/O error): the whole
            // transaction is rolled back under the request that met it.
            var laterRequest: (any Error)?
            let group: Result<Void, any Error> = Result {
                try store.grouped(writing: true) {
                    try store.setStock("TEE-M", to: 4)
                    _ = try? store.database.transaction {
                        try store.database.execute("ROLLBACK")
                        throw Refused()
                    }
                    // A later request's transaction is refused, not run on its own.
                    do { try store.setStock("TEE-L", to: 6) } catch { laterRequest = error }
                }
            }
            #expect(throws: Refused.self) { try group.get() }
            #expect(laterRequest is Refused)
            #expect(try store.stockRow("TEE-M").onHand == 1)
            #expect(try store.stockRow("TEE-L").onHand == 1)
            // The connection is usable again.
            try store.setStock("TEE-L", to: 2)
            #expect(try store.stockRow("TEE-L").onHand == 2)
        }
    }

    @Test(.enabled(if: !TestDatabase.isPostgreSQL, "SQLite's groups"))
    func aReadingGroupIsOneSnapshotAndCannotWrite() throws {
        try withTemporaryDirectory { directory in
            let store = try makeStore(in: directory)
            try stockTees(store, ["TEE-M": 1])
            let writer = try directory.openStore()
            let seen = try store.grouped(writing: false) {
                let before = try store.stockRow("TEE-M").onHand
                try writer.setStock("TEE-M", to: 5)
                #expect(throws: DatabaseError.self) { try store.setStock("TEE-M", to: 3) }
                return [before, try store.stockRow("TEE-M").onHand, try store.database.snapshot { try store.stockRow("TEE-M").onHand }]
            }
            #expect(seen == [1, 1, 1])
            #expect(try store.stockRow("TEE-M").onHand == 5)
        }
    }

    @Test(.enabled(if: !TestDatabase.isPostgreSQL, "SQLite's groups"))
    func transactionsInAGroupStillDoNotNest() throws {
        try withTemporaryDirectory { directory in
            let store = try makeStore(in: directory)
            let nested: Result<Void, any Error> = try store.grouped(writing: true) {
                try store.database.transaction {
                    Result { try store.database.transaction {} }
                }
            }
            #expect(throws: DatabaseError.self) { try nested.get() }
        }
    }

    @Test(.enabled(if: TestDatabase.isPostgreSQL, "PostgreSQL's requests one by one"))
    func onPostgreSQLEachTransactionOfAGroupCommitsAsItEnds() throws {
        try withTemporaryDirectory { directory in
            let store = try makeStore(in: directory)
            try stockTees(store, ["TEE-M": 1])
            let reader = try directory.openStore()
            #expect(!store.groupsRequests)
            let seen = try store.grouped(writing: true) {
                try store.setStock("TEE-M", to: 4)
                return try reader.stockRow("TEE-M").onHand
            }
            #expect(seen == 4)
        }
    }
}

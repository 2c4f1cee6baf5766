import Foundation
import ShelfTesting
import Testing

@testable import ShelfStore

/// Two connections to one file, each on its own thread, as two function processes would be.
struct ConcurrencyTests {
    static let rounds = 200

    @Test func concurrentAdjustmentsLoseNoUpdate() throws {
        try withTemporaryDirectory { directory in
            let store = try makeStore(in: directory)
            try store.syncCatalogue([.sample("tee", skus: ["TEE-M"])], categories: [])
            let connections = try [Store.open(at: directory.file("shelf.db")), Store.open(at: directory.file("shelf.db"))]
            _ = try runConcurrently(threads: 2) { thread in
                let connection = connections[thread]
                for _ in 0..<Self.rounds {
                    try connection.adjustStock("TEE-M", by: 1)
                }
            }
            #expect(try store.stockLevels(for: ["TEE-M"]) == ["TEE-M": 2 * Self.rounds])
        }
    }

    @Test func concurrentTakersNeverGoNegative() throws {
        try withTemporaryDirectory { directory in
            let store = try makeStore(in: directory)
            try store.syncCatalogue([.sample("tee", skus: ["TEE-M"])], categories: [])
            let available = Self.rounds * 3 / 2
            try store.setStock("TEE-M", to: available)
            let connections = try [Store.open(at: directory.file("shelf.db")), Store.open(at: directory.file("shelf.db"))]
            let taken = try runConcurrently(threads: 2) { thread in
                let connection = connections[thread]
                var taken = 0
                for _ in 0..<Self.rounds {
                    do {
                        let left = try connection.adjustStock("TEE-M", by: -1)
                        #expect(left >= 0)
                        taken += 1
                    } catch StoreError.insufficientStock(_, let onHand, _) {
                        #expect(onHand == 0)
                    }
                }
                return taken
            }
            #expect(taken.reduce(0, +) == available)
            #expect(try store.stockLevels(for: ["TEE-M"]) == ["TEE-M": 0])
        }
    }

    @Test func oneStoreSharedByThreadsRunsTheirCallsInTurn() throws {
        try withTemporaryStore { store in
            try store.syncCatalogue([.sample("tee", skus: ["TEE-M"])], categories: [])
            _ = try runConcurrently(threads: 2) { _ in
                for _ in 0..<Self.rounds {
                    try store.adjustStock("TEE-M", by: 1)
                }
            }
            #expect(try store.stockLevels(for: ["TEE-M"]) == ["TEE-M": 2 * Self.rounds])
        }
    }

    @Test func writerWaitsForABusyDatabaseInsteadOfFailing() throws {
        try withTemporaryDirectory { directory in
            let store = try makeStore(in: directory)
            try store.syncCatalogue([.sample("tee", skus: ["TEE-M"])], categories: [])
            let other = try Store.open(at: directory.file("shelf.db"))
            let levels = try runConcurrently(threads: 2) { thread in
                if thread == 0 {
                    // Holds the write lock for a while, as a slow checkout would.
                    return try store.database.transaction {
                        try store.database.execute("UPDATE stock SET on_hand = on_hand + 1 WHERE sku = ?", [.text("TEE-M")])
                        Thread.sleep(forTimeInterval: 0.3)
                        return try store.stockLevels(for: ["TEE-M"])["TEE-M"] ?? -1
                    }
                }
                Thread.sleep(forTimeInterval: 0.05)
                return try other.adjustStock("TEE-M", by: 1)
            }
            #expect(levels.sorted() == [1, 2])
        }
    }
}

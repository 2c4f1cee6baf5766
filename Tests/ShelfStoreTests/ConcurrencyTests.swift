import Foundation
import ShelfCore
import ShelfTesting
import Testing

@testable import ShelfStore

/// Connections to one file, each on its own thread, as function processes would be.
struct ConcurrencyTests {
    static let rounds = 200

    @Test func concurrentAdjustmentsLoseNoUpdate() throws {
        try withTemporaryDirectory { directory in
            let store = try makeStore(in: directory)
            try store.syncCatalogue([.sample("tee", skus: ["TEE-M"])], categories: [])
            let connections = try [directory.openStore(), directory.openStore()]
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
            let connections = try [directory.openStore(), directory.openStore()]
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

    @Test func aWriterYieldsForTheLockThenSleepsAndGivesUpAfterFiveSeconds() {
        let wait = SQLiteLockWait()
        let milliseconds: UInt64 = 1_000_000
        // Half a millisecond of yielding, sleeps of 50 µs until 10 ms, then of 1 ms until 5 s.
        #expect(wait.step(afterWaiting: 0) == .yield)
        #expect(wait.step(afterWaiting: milliseconds / 2 - 1) == .yield)
        #expect(wait.step(afterWaiting: milliseconds / 2) == .sleep(microseconds: 50))
        #expect(wait.step(afterWaiting: 10 * milliseconds - 1) == .sleep(microseconds: 50))
        #expect(wait.step(afterWaiting: 10 * milliseconds) == .sleep(microseconds: 1000))
        #expect(wait.step(afterWaiting: 5000 * milliseconds - 1) == .sleep(microseconds: 1000))
        #expect(wait.step(afterWaiting: 5000 * milliseconds) == .giveUp)
        #expect(!wait.wait(afterWaiting: 5000 * milliseconds))
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
            let other = try directory.openStore()
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

    /// A store file with TEE-M stocked at `stock`, one cart session, and `threads` more
    /// connections to the file, as that many function processes would hold.
    func withSharedCart(stock: Int, threads: Int, _ body: (Store, Session, [Store]) throws -> Void) throws {
        try withTemporaryDirectory { directory in
            let store = try makeStore(in: directory)
            try store.syncCatalogue([.sample("tee", skus: ["TEE-M"])], categories: [])
            try store.setStock("TEE-M", to: stock)
            let session = try store.createSession(tokenHash: sampleTokenHash(1), now: 0, lifetime: 86_400)
            let connections = try (0..<threads).map { _ in try directory.openStore() }
            try body(store, session, connections)
        }
    }

    @Test func concurrentAddsToOneLineAllCount() throws {
        let threads = 8
        let adds = 25
        try withSharedCart(stock: 1_000, threads: threads) { store, session, connections in
            _ = try runConcurrently(threads: threads) { thread in
                for _ in 0..<adds {
                    try connections[thread].addToCart("TEE-M", quantity: 1, in: session, now: 1, maxPerLine: 1_000)
                }
            }
            #expect(try store.cartLines(in: session).map(\.quantity) == [threads * adds])
        }
    }

    @Test func concurrentAddsToOneLineStopAtTheStock() throws {
        let threads = 8
        let adds = 10
        try withSharedCart(stock: 50, threads: threads) { store, session, connections in
            let changes = try runConcurrently(threads: threads) { thread in
                try (0..<adds).map { _ in
                    try connections[thread].addToCart("TEE-M", quantity: 1, in: session, now: 1, maxPerLine: 1_000)
                }
            }.flatMap { $0 }
            // Each of the first 50 adds got its unit; every later one was capped at the stock.
            #expect(changes.filter { $0.limitedBy == nil }.count == 50)
            #expect(changes.filter { $0.limitedBy == .stock(available: 50) }.count == threads * adds - 50)
            #expect(changes.allSatisfy { $0.quantity <= 50 })
            #expect(try store.cartLines(in: session).map(\.quantity) == [50])
        }
    }
}

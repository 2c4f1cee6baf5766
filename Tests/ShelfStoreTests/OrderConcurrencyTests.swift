import ShelfCore
import ShelfTesting
import Testing

@testable import ShelfStore

/// Connections to one file, each on its own thread, as function processes would be.
struct OrderConcurrencyTests {
    /// A store file with the sample tee stocked at `stock` and `threads` more connections to it.
    func withConnections(stock: [String: Int], threads: Int, _ body: (Store, [Store]) throws -> Void) throws {
        try withTemporaryDirectory { directory in
            let store = try makeStore(in: directory)
            try stockTees(store, stock)
            let connections = try (0..<threads).map { _ in try directory.openStore() }
            try body(store, connections)
        }
    }

    @Test func fiftyShoppersForTenTeesPlaceTenOrders() throws {
        try withConnections(stock: ["TEE-M": 10], threads: 50) { store, connections in
            let results = try runConcurrently(threads: 50) { thread -> String in
                do {
                    _ = try connections[thread].placeSample([("TEE-M", 1)])
                    return "placed"
                } catch OrderError.short(let lines) where lines.map(\.sku) == ["TEE-M"] {
                    return "short"
                }
            }
            #expect(results.filter { $0 == "placed" }.count == 10)
            #expect(results.filter { $0 == "short" }.count == 40)
            #expect(try store.stockRow("TEE-M").reserved == 10)
            #expect(try store.stockRow("TEE-M").available == 0)
            #expect(try store.orders().count == 10)
        }
    }

    @Test func aWebhookDeliveredManyTimesAtOnceHasOneEffect() throws {
        try withConnections(stock: ["TEE-M": 5], threads: 8) { store, connections in
            let order = try store.placeSample([("TEE-M", 2)])
            let outcomes = try runConcurrently(threads: 8) { thread in
                try connections[thread].pay(order, reference: "ts_1", event: "evt_1")
            }
            #expect(outcomes.filter { $0 == .paid }.count == 1)
            #expect(outcomes.filter { $0 == .duplicate }.count == 7)
            #expect(try store.details(order).payments.count == 1)
            #expect(try store.stockRow("TEE-M").allocated == 2)
        }
    }

    @Test func differentEventsAboutOnePaymentAtOnceHaveOneEffect() throws {
        try withConnections(stock: ["TEE-M": 5], threads: 8) { store, connections in
            let order = try store.placeSample([("TEE-M", 2)])
            let outcomes = try runConcurrently(threads: 8) { thread in
                try connections[thread].pay(order, reference: "ts_1", event: "evt_\(thread)")
            }
            #expect(outcomes.filter { $0 == .paid }.count == 1)
            #expect(outcomes.filter { $0 == .alreadyPaid }.count == 7)
            #expect(try store.details(order).payments.count == 1)
            #expect(try store.stockRow("TEE-M").allocated == 2)
        }
    }

    @Test func statusLinksAskedForAtOnceStayWithinTheHourlyLimit() throws {
        try withConnections(stock: ["TEE-M": 5], threads: 8) { store, connections in
            let order = try store.placeSample([("TEE-M", 1)])
            let queued = try runConcurrently(threads: 8) { thread in
                try (0..<3).filter { _ in try connections[thread].requestOrderLink(order.id, email: "ada@example.com", now: 10) }.count
            }
            #expect(queued.reduce(0, +) == 3)
            #expect(try store.mail().filter { $0.email == .orderLink }.count == 3)
        }
    }
}

import ShelfCore
import ShelfTesting
import Testing

@testable import ShelfStore

/// Orders that end without shipping: expired by the clock, cancelled by the merchant.
struct OrderEndingTests {
    @Test func expiryReleasesTheStockOfOrdersNotPaidInTime() throws {
        try withStockedTees(["TEE-M": 5]) { store in
            let card = try store.placeSample([("TEE-M", 2)], now: 0, hold: 60)
            let transfer = try store.placeSample([("TEE-M", 1)], provider: Order.manualProvider, now: 0, hold: 3 * 86_400)
            #expect(try store.expireOrders(now: 60).isEmpty)
            let version = try store.stockVersion()
            #expect(try store.expireOrders(now: 61) == [card.id])
            #expect(try store.skusChanged(since: version) == ["TEE-M"])
            #expect(try store.stockRow("TEE-M").reserved == 1)
            let details = try store.details(card)
            #expect(details.order.status == .expired)
            #expect(details.lines.map(\.hold) == [.released])
            #expect(details.events.last == OrderEvent(at: 61, status: .expired, note: "not paid in time; stock released"))
            #expect(try store.expireOrders(now: 3 * 86_400 + 1) == [transfer.id])
            #expect(try store.stockRow("TEE-M").reserved == 0)
            #expect(try store.expireOrders(now: 10 * 86_400).isEmpty)
        }
    }

    @Test func placingAnOrderFirstExpiresTheOrdersThatHoldStockTooLong() throws {
        try withStockedTees(["TEE-M": 1]) { store in
            let old = try store.placeSample([("TEE-M", 1)], now: 0, hold: 60)
            #expect(throws: OrderError.short([ShortLine(sku: "TEE-M", requested: 1, available: 0)])) {
                try store.placeSample([("TEE-M", 1)], now: 60)
            }
            let new = try store.placeSample([("TEE-M", 1)], now: 61)
            #expect(try store.details(old).order.status == .expired)
            #expect(try store.details(new).lines.map(\.hold) == [.reserved])
        }
    }

    @Test func cancellingAnUnpaidOrderReleasesItsReservation() throws {
        try withStockedTees(["TEE-M": 5]) { store in
            let order = try store.placeSample([("TEE-M", 2)])
            try store.cancelOrder(order.id, now: 5, note: "shopper asked")
            #expect(try store.stockRow("TEE-M").reserved == 0)
            let details = try store.details(order)
            #expect(details.order.status == .cancelled)
            #expect(details.order.updatedAt == 5)
            #expect(details.events.last == OrderEvent(at: 5, status: .cancelled, note: "shopper asked"))
        }
    }

    @Test func cancellingAPaidOrderReleasesItsAllocation() throws {
        try withStockedTees(["TEE-M": 5]) { store in
            let order = try store.placeSample([("TEE-M", 2)])
            _ = try store.pay(order)
            try store.cancelOrder(order.id, now: 20, note: "out of stock after a miscount")
            #expect(try store.stockRow("TEE-M").allocated == 0)
            #expect(try store.stockRow("TEE-M").available == 5)
            #expect(try store.details(order).lines.map(\.hold) == [.released])
        }
    }

    @Test func endedOrdersCannotBeCancelled() throws {
        try withStockedTees(["TEE-M": 5]) { store in
            let order = try store.placeSample([("TEE-M", 2)], now: 0, hold: 60)
            try store.expireOrders(now: 100)
            #expect(throws: OrderError.cannotChange(from: .expired, to: .cancelled)) { try store.cancelOrder(order.id, now: 101, note: "") }
            #expect(throws: OrderError.unknownOrder(99)) { try store.cancelOrder(99, now: 101, note: "") }
            #expect(try store.details(order).events.count == 2)
        }
    }
}

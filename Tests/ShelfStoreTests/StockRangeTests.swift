import ShelfTesting
import Testing

@testable import ShelfStore

/// Stock counts are 64-bit on either engine: PostgreSQL's `INTEGER` would stop at 2^31 - 1.
struct StockRangeTests {
    @Test func stockCountsGoPastTwoToTheThirtyOne() throws {
        try withStockedTees(["TEE-M": 3_000_000_000]) { store in
            #expect(try store.adjustStock("TEE-M", by: 3_000_000_000) == 6_000_000_000)
            let order = try store.placeOrder(.sample([("TEE-M", 2)]), now: 0, holdFor: 600)
            let row = try #require(try store.stockList().first { $0.sku == "TEE-M" })
            #expect((row.onHand, row.reserved, row.available) == (6_000_000_000, 2, 5_999_999_998))
            #expect(try store.stockLevels(for: ["TEE-M"]) == ["TEE-M": 5_999_999_998])
            #expect(order.id > 0)
        }
    }
}

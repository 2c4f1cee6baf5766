import ShelfCore
import ShelfTesting
import Testing

@testable import ShelfStore

/// Stock that orders hold: what carts, pages and the merchant see, and what cannot be taken.
struct StockHoldTests {
    @Test func heldStockIsNotAvailableToCartsPagesOrTheList() throws {
        try withStockedTees(["TEE-M": 5]) { store in
            let order = try store.placeSample([("TEE-M", 2)])
            _ = try store.pay(order)
            _ = try store.placeSample([("TEE-M", 1)])
            #expect(
                try store.stockRow("TEE-M")
                    == StockRow(
                        sku: "TEE-M", productHandle: "tee", onHand: 5, reserved: 1, allocated: 2, isPublished: true, isActive: true))
            #expect(try store.stockRow("TEE-M").available == 2)
            #expect(try store.sellableVariant(sku: "TEE-M")?.available == 2)
            #expect(try store.stockLevels(for: ["TEE-M"]) == ["TEE-M": 2])
            #expect(try store.allStockLevels()["TEE-M"] == 2)
            #expect(try store.stockList(atOrBelow: 2).map(\.sku) == ["TEE-S", "TEE-M", "TEE-L"])
            #expect(try store.stockList(atOrBelow: 1).map(\.sku) == ["TEE-S", "TEE-L"])
        }
    }

    @Test func stockCannotBeSetBelowWhatOrdersHold() throws {
        try withStockedTees(["TEE-M": 5]) { store in
            _ = try store.pay(try store.placeSample([("TEE-M", 1)]))
            _ = try store.placeSample([("TEE-M", 2)])
            let error = #expect(throws: StoreError.self) { try store.setStock("TEE-M", to: 2) }
            #expect(error == .stockHeld(sku: "TEE-M", quantity: 2, reserved: 2, allocated: 1))
            #expect(
                error?.description == """
                    cannot bring the stock of "TEE-M" to 2: orders hold 3 (2 reserved for orders awaiting payment, \
                    1 allocated to paid orders); keep at least 3 on hand, or cancel orders first
                    """)
            try store.setStock("TEE-M", to: 3)
            #expect(try store.stockRow("TEE-M").available == 0)
        }
    }

    @Test func adjustmentsCannotTakeWhatOrdersHold() throws {
        try withStockedTees(["TEE-M": 5]) { store in
            _ = try store.placeSample([("TEE-M", 3)])
            #expect(throws: StoreError.stockHeld(sku: "TEE-M", quantity: 2, reserved: 3, allocated: 0)) {
                try store.adjustStock("TEE-M", by: -3)
            }
            #expect(throws: StoreError.insufficientStock(sku: "TEE-M", onHand: 5, change: -6)) { try store.adjustStock("TEE-M", by: -6) }
            #expect(try store.adjustStock("TEE-M", by: -2) == 3)
        }
    }

    @Test func importsCannotGoBelowWhatOrdersHoldAndChangeNothingWhenTheyTry() throws {
        try withStockedTees(["TEE-M": 5, "TEE-S": 1]) { store in
            _ = try store.placeSample([("TEE-M", 2)])
            let lines = try StockCSV.parse("sku,quantity\nTEE-S,9\nTEE-M,1\n", file: "stock.csv")
            #expect(throws: StoreError.stockHeld(sku: "TEE-M", quantity: 1, reserved: 2, allocated: 0)) { try store.importStock(lines) }
            #expect(try store.stockRow("TEE-S").onHand == 1)
        }
    }

    @Test func reservingAndReleasingBumpTheStockVersionButPayingDoesNot() throws {
        try withStockedTees(["TEE-M": 5, "TEE-S": 5]) { store in
            let before = try store.stockVersion()
            let order = try store.placeSample([("TEE-M", 1), ("TEE-S", 1)])
            #expect(try store.skusChanged(since: before) == ["TEE-M", "TEE-S"])
            let placed = try store.stockVersion()
            _ = try store.pay(order)
            #expect(try store.stockVersion() == placed)
            try store.cancelOrder(order.id, now: 20, note: "changed mind")
            #expect(try store.skusChanged(since: placed) == ["TEE-M", "TEE-S"])
        }
    }
}

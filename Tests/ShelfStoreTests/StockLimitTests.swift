import ShelfStore
import ShelfTesting
import Testing

/// A stock level above `Store.maxOnHand` is refused with the same message on SQLite and on
/// PostgreSQL, whose `INTEGER` columns hold 32 bits where SQLite's hold 64.
struct StockLimitTests {
    @Test func aLevelAboveTheLimitIsRefusedWhicheverWayItIsSet() throws {
        try withStockedTees(["TEE-M": 5]) { store in
            let tooMany = Store.maxOnHand + 1
            #expect(throws: StoreError.tooMuchStock(sku: "TEE-M", quantity: 3_000_000_000)) {
                try store.setStock("TEE-M", to: 3_000_000_000)
            }
            #expect(throws: StoreError.tooMuchStock(sku: "TEE-M", quantity: tooMany)) {
                try store.importStock([StockImport(sku: "TEE-M", quantity: tooMany, file: "stock.csv", line: 2)])
            }
            #expect(throws: StoreError.tooMuchStock(sku: "TEE-M", quantity: Store.maxOnHand + 5)) {
                try store.adjustStock("TEE-M", by: Store.maxOnHand)
            }
            #expect(throws: StoreError.tooMuchStock(sku: "TEE-M", quantity: Int.max)) { try store.adjustStock("TEE-M", by: Int.max) }
            #expect(throws: StoreError.insufficientStock(sku: "TEE-M", onHand: 5, change: Int.min)) {
                try store.adjustStock("TEE-M", by: Int.min)
            }
            let left = try store.allStockLevels()["TEE-M"]
            #expect(left == 5, "nothing was changed")
        }
    }

    @Test func theLimitItselfIsKept() throws {
        try withStockedTees(["TEE-M": 5]) { store in
            #expect(try store.adjustStock("TEE-M", by: Store.maxOnHand - 5) == Store.maxOnHand)
            try store.setStock("TEE-S", to: Store.maxOnHand)
            #expect(try store.allStockLevels()["TEE-S"] == Store.maxOnHand)
        }
    }

    @Test func aStockFileAboveTheLimitNamesItsLine() throws {
        let error = #expect(throws: StockCSVError.self) {
            try StockCSV.parse("sku,quantity\nTEE-S,4\nTEE-M,3000000000\n", file: "stock.csv")
        }
        #expect(
            error?.description
                == "stock.csv:3: quantity 3000000000 of \"TEE-M\" is more than the 1000000000 units the store keeps of one SKU")
    }

    @Test func theRefusalSaysWhatTheStoreKeeps() {
        #expect(
            StoreError.tooMuchStock(sku: "TEE-M", quantity: 3_000_000_000).description
                == "cannot bring the stock of \"TEE-M\" to 3000000000; the store keeps at most 1000000000 units of one SKU on hand")
    }
}

import ShelfTesting
import Testing

@testable import ShelfStore

struct StockTests {
    /// A store with `tee` (TEE-S, TEE-M, TEE-L) and `hoodie` (HOODIE-M).
    func withStockedStore(_ body: (Store) throws -> Void) throws {
        try withTemporaryStore { store in
            try store.syncCatalogue([.sample("tee"), .sample("hoodie", skus: ["HOODIE-M"])], categories: [])
            try body(store)
        }
    }

    @Test func setStockChangesTheLevel() throws {
        try withStockedStore { store in
            try store.setStock("TEE-M", to: 7)
            #expect(try store.stockLevels(for: ["TEE-M", "TEE-S", "NOPE"]) == ["TEE-M": 7, "TEE-S": 0])
        }
    }

    @Test func unknownSKUIsNamed() throws {
        try withStockedStore { store in
            #expect(throws: StoreError.unknownSKU("ABC-1")) { try store.setStock("ABC-1", to: 1) }
            let error = #expect(throws: StoreError.self) { try store.adjustStock("ABC-1", by: 1) }
            #expect(error?.description == "unknown SKU \"ABC-1\"; run shelf stock list to see the SKUs")
        }
    }

    @Test func negativeStockIsRefused() throws {
        try withStockedStore { store in
            #expect(throws: StoreError.negativeStock(sku: "TEE-M", quantity: -2)) { try store.setStock("TEE-M", to: -2) }
        }
    }

    @Test func adjustReturnsTheNewLevel() throws {
        try withStockedStore { store in
            let afterDelivery = try store.adjustStock("TEE-M", by: 5)
            let afterSale = try store.adjustStock("TEE-M", by: -2)
            #expect([afterDelivery, afterSale] == [5, 3])
            #expect(try store.stockLevels(for: ["TEE-M"]) == ["TEE-M": 3])
        }
    }

    @Test func stockCannotGoBelowZero() throws {
        try withStockedStore { store in
            try store.setStock("TEE-M", to: 3)
            let error = #expect(throws: StoreError.self) { try store.adjustStock("TEE-M", by: -5) }
            #expect(error == .insufficientStock(sku: "TEE-M", onHand: 3, change: -5))
            #expect(error?.description == "cannot take 5 of \"TEE-M\": only 3 on hand")
            #expect(try store.stockLevels(for: ["TEE-M"]) == ["TEE-M": 3])
            #expect(try store.adjustStock("TEE-M", by: -3) == 0)
        }
    }

    @Test func stockListIsSortedByProductThenVariantOrder() throws {
        try withStockedStore { store in
            let skus = try store.stockList().map(\.sku)
            #expect(skus == ["HOODIE-M", "TEE-S", "TEE-M", "TEE-L"])
        }
    }

    @Test func stockListCanShowOnlyLowStock() throws {
        try withStockedStore { store in
            try store.importStock([
                StockImport(sku: "TEE-S", quantity: 10, file: "t", line: 2),
                StockImport(sku: "TEE-M", quantity: 2, file: "t", line: 3),
                StockImport(sku: "TEE-L", quantity: 3, file: "t", line: 4),
                StockImport(sku: "HOODIE-M", quantity: 9, file: "t", line: 5),
            ])
            #expect(try store.stockList(atOrBelow: 3).map(\.sku) == ["TEE-M", "TEE-L"])
        }
    }

    @Test func changedSKUsAreFoundByVersion() throws {
        try withStockedStore { store in
            let built = try store.stockVersion()
            #expect(try store.skusChanged(since: built).isEmpty)
            try store.setStock("TEE-M", to: 4)
            try store.adjustStock("HOODIE-M", by: 1)
            #expect(try store.skusChanged(since: built) == ["HOODIE-M", "TEE-M"])
            let rebuilt = try store.stockVersion()
            #expect(rebuilt > built)
            try store.adjustStock("TEE-S", by: 2)
            #expect(try store.skusChanged(since: rebuilt) == ["TEE-S"])
        }
    }

    @Test func unchangedLevelDoesNotAdvanceTheVersion() throws {
        try withStockedStore { store in
            try store.setStock("TEE-M", to: 4)
            let version = try store.stockVersion()
            try store.setStock("TEE-M", to: 4)
            #expect(try store.stockVersion() == version)
        }
    }

    @Test func refusedAdjustmentDoesNotAdvanceTheVersion() throws {
        try withStockedStore { store in
            let version = try store.stockVersion()
            _ = try? store.adjustStock("TEE-M", by: -1)
            #expect(try store.stockVersion() == version)
        }
    }

    @Test func newSKUsCountAsChanged() throws {
        try withStockedStore { store in
            let version = try store.stockVersion()
            try store.syncCatalogue([.sample("tee"), .sample("hoodie", skus: ["HOODIE-M", "HOODIE-L"])], categories: [])
            #expect(try store.skusChanged(since: version) == ["HOODIE-L"])
        }
    }
}

@Suite struct ProductHandlesOfSKUsTests {
    @Test func namesTheProductOfEachKnownSKU() throws {
        try withTemporaryStore { store in
            try store.syncCatalogue([.sample("tee", skus: ["TEE-S", "TEE-M"])], categories: [])
            #expect(try store.productHandles(ofSKUs: ["TEE-M", "NOPE"]) == ["TEE-M": "tee"])
        }
    }
}

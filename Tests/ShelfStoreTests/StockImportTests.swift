import ShelfStore
import ShelfTesting
import Testing

struct StockImportTests {
    @Test func importSetsEveryLevelAndCountsChanges() throws {
        try withTemporaryStore { store in
            try store.syncCatalogue([.sample("tee")], categories: [])
            try store.setStock("TEE-L", to: 1)
            let lines = try StockCSV.parse("sku,quantity\nTEE-S,4\nTEE-M,6\nTEE-L,1\n", file: "stock.csv")
            #expect(try store.importStock(lines) == 2)
            #expect(try store.allStockLevels() == ["TEE-S": 4, "TEE-M": 6, "TEE-L": 1])
        }
    }

    @Test func importWithUnknownSKUsNamesEachAndChangesNothing() throws {
        try withTemporaryStore { store in
            try store.syncCatalogue([.sample("tee")], categories: [])
            let lines = try StockCSV.parse("sku,quantity\nTEE-S,4\nABC-1,6\nTEE-M,2\nABC-2,1\n", file: "stock.csv")
            let error = #expect(throws: StoreError.self) { try store.importStock(lines) }
            #expect(
                error?.description == """
                    stock.csv:3: unknown SKU "ABC-1"
                    stock.csv:5: unknown SKU "ABC-2"
                    nothing was imported; run shelf stock list to see the SKUs
                    """)
            #expect(try store.allStockLevels() == ["TEE-S": 0, "TEE-M": 0, "TEE-L": 0])
        }
    }

    @Test func importRefusesNegativeQuantities() throws {
        try withTemporaryStore { store in
            try store.syncCatalogue([.sample("tee")], categories: [])
            #expect(throws: StoreError.negativeStock(sku: "TEE-S", quantity: -1)) {
                try store.importStock([StockImport(sku: "TEE-S", quantity: -1, file: "api", line: 1)])
            }
        }
    }
}

import ShelfStore
import Testing

struct StockCSVTests {
    @Test func readsLinesAfterTheHeader() throws {
        let lines = try StockCSV.parse("sku,quantity\nTEE-S,4\n\nTEE-M, 0 \n", file: "stock.csv")
        #expect(
            lines == [
                StockImport(sku: "TEE-S", quantity: 4, file: "stock.csv", line: 2),
                StockImport(sku: "TEE-M", quantity: 0, file: "stock.csv", line: 4),
            ])
    }

    @Test func acceptsSpreadsheetExports() throws {
        let text = "\u{FEFF}Quantity,Name,SKU\r\n12,\"Tee, green\",\"TEE-\"\"G\"\"\"\r\n"
        #expect(try StockCSV.parse(text, file: "s.csv") == [StockImport(sku: "TEE-\"G\"", quantity: 12, file: "s.csv", line: 2)])
    }

    @Test(arguments: [
        ("sku,quantity\nTEE-S,four\n", "stock.csv:2: quantity \"four\" of \"TEE-S\" is not a whole number"),
        ("sku,quantity\nTEE-S,1.5\n", "stock.csv:2: quantity \"1.5\" of \"TEE-S\" is not a whole number"),
        ("sku,quantity\nTEE-S,1\nTEE-M\n", "stock.csv:3: expected 2 columns (sku,quantity) but found 1"),
        ("sku,quantity\nTEE-S,1\n\nTEE-S,2\n", "stock.csv:4: SKU \"TEE-S\" appears again; it is already on line 2"),
        ("sku,quantity\nTEE-S,-3\n", "stock.csv:2: quantity -3 of \"TEE-S\" is negative; stock must be zero or more"),
        ("sku,quantity\n,3\n", "stock.csv:2: the SKU is missing"),
        ("sku,quantity\n\"TEE-S,3\n", "stock.csv:2: a quoted field is not closed; end it with \""),
        ("TEE-S,3\n", "stock.csv:1: the header line must name the columns sku and quantity, as in sku,quantity"),
        ("\n\n", "stock.csv:1: the file is empty; start it with the header line sku,quantity"),
    ])
    func errorsNameTheFileAndLine(text: String, message: String) {
        let error = #expect(throws: StockCSVError.self) { try StockCSV.parse(text, file: "stock.csv") }
        #expect(error?.description == message)
    }
}

/// One line of a stock import: set `sku` to `quantity`, as written at `file`:`line`.
public struct StockImport: Hashable, Sendable {
    public var sku: String
    public var quantity: Int
    /// Where the line came from, for messages.
    public var file: String
    public var line: Int

    public init(sku: String, quantity: Int, file: String, line: Int) {
        self.sku = sku
        self.quantity = quantity
        self.file = file
        self.line = line
    }
}

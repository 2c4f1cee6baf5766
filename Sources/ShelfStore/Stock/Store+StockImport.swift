extension Store {
    /// Sets the stock of every SKU in `lines`, all or nothing, and returns how many levels changed.
    ///
    /// Any SKU no variant has makes the whole import fail with
    /// ``StoreError/unknownSKUs(_:)``, which names each such SKU and its line; a level below
    /// what orders hold makes it fail with ``StoreError/stockHeld(sku:quantity:reserved:allocated:)``
    /// for the first such line.
    ///
    /// ```swift
    /// let lines = try StockCSV.parse(text, file: "stock.csv")
    /// try store.importStock(lines)
    /// ```
    @discardableResult
    public func importStock(_ lines: [StockImport]) throws -> Int {
        if let negative = lines.first(where: { $0.quantity < 0 }) {
            throw StoreError.negativeStock(sku: negative.sku, quantity: negative.quantity)
        }
        if let tooMany = lines.first(where: { $0.quantity > Self.maxOnHand }) {
            throw StoreError.tooMuchStock(sku: tooMany.sku, quantity: tooMany.quantity)
        }
        return try database.transaction {
            let known = Set(try database.query("SELECT sku FROM stock").map { try $0.text("sku") })
            let unknown = lines.filter { !known.contains($0.sku) }
            guard unknown.isEmpty else { throw StoreError.unknownSKUs(unknown) }
            let version = try nextStockVersion()
            var changed = 0
            for line in lines where try writeStock(line.sku, line.quantity, version: version) {
                changed += 1
            }
            if changed > 0 {
                try advanceStockVersion(to: version)
            }
            return changed
        }
    }
}

extension Store {
    /// The version of the latest stock change; 0 before any.
    ///
    /// Record it after a build; ``skusChanged(since:)`` then tells the next build what to redo.
    public func stockVersion() throws -> Int64 {
        try database.query("SELECT version FROM stock_clock WHERE id = 1").first?.int64("version") ?? 0
    }

    /// The SKUs whose stock changed (or that appeared) after `version`, sorted.
    public func skusChanged(since version: Int64) throws -> [String] {
        // Sorted here, not by ORDER BY sku: that would make SQLite walk the whole table in SKU
        // order instead of taking the few recent rows from the version index.
        try database.query("SELECT sku FROM stock WHERE version > ?", [.integer(version)])
            .map { try $0.text("sku") }.sorted()
    }

    /// The version the stock changes of the current transaction carry: one past the latest.
    /// Inside a write transaction nobody else can take it meanwhile: on PostgreSQL the clock's
    /// row stays locked until the transaction ends, so two transactions never share a version
    /// and a build that recorded one never misses a change that carries it.
    func nextStockVersion() throws -> Int64 {
        let clock = try database.query("SELECT version FROM stock_clock WHERE id = 1\(database.dialect.forUpdate)")
        return (try clock.first?.int64("version") ?? 0) + 1
    }

    /// Records `version` as the latest, once the current transaction has written rows with it.
    func advanceStockVersion(to version: Int64) throws {
        try database.execute("UPDATE stock_clock SET version = ? WHERE id = 1", [.integer(version)])
    }

    /// Records `version` as the latest when the current transaction wrote a stock row with it,
    /// for operations that change stock only on some paths.
    func advanceStockVersionIfUsed(_ version: Int64) throws {
        try database.execute(
            "UPDATE stock_clock SET version = ? WHERE id = 1 AND EXISTS (SELECT 1 FROM stock WHERE version = ?)",
            [.integer(version), .integer(version)])
    }
}

extension Store {
    /// The handle of the product each SKU belongs to; unknown SKUs are left out.
    public func productHandles(ofSKUs skus: [String]) throws -> [String: String] {
        var handles: [String: String] = [:]
        for sku in skus {
            if let row = try database.query("SELECT product_handle FROM variants WHERE sku = ?", [.text(sku)]).first {
                handles[sku] = try row.text("product_handle")
            }
        }
        return handles
    }
}

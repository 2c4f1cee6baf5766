extension Store {
    /// The stock on hand of each of `skus` that exists; unknown SKUs are left out.
    public func stockLevels(for skus: [String]) throws -> [String: Int] {
        var levels: [String: Int] = [:]
        for sku in skus {
            levels[sku] = try onHand(of: sku)
        }
        return levels
    }

    /// The stock on hand of every SKU.
    public func allStockLevels() throws -> [String: Int] {
        var levels: [String: Int] = [:]
        for row in try database.query("SELECT sku, on_hand FROM stock") {
            levels[try row.text("sku")] = try row.int("on_hand")
        }
        return levels
    }

    /// Sets the stock of `sku` to `quantity`, as after a count of the shelf.
    ///
    /// Throws ``StoreError/unknownSKU(_:)`` for a SKU no variant has and
    /// ``StoreError/negativeStock(sku:quantity:)`` for a quantity below zero.
    public func setStock(_ sku: String, to quantity: Int) throws {
        guard quantity >= 0 else { throw StoreError.negativeStock(sku: sku, quantity: quantity) }
        try database.transaction {
            let version = try nextStockVersion()
            if try writeStock(sku, quantity, version: version) {
                try advanceStockVersion(to: version)
            } else if try onHand(of: sku) == nil {
                throw StoreError.unknownSKU(sku)
            }
        }
    }

    /// Adds `delta` (negative to take) to the stock of `sku` and returns the new level.
    ///
    /// The change is one conditional update, so concurrent callers can neither lose an update
    /// nor take the stock below zero: a delta that would throws
    /// ``StoreError/insufficientStock(sku:onHand:change:)`` with the current level.
    ///
    /// ```swift
    /// let left = try store.adjustStock("TEE-FOREST-M", by: -2)
    /// ```
    @discardableResult
    public func adjustStock(_ sku: String, by delta: Int) throws -> Int {
        try database.transaction {
            let version = try nextStockVersion()
            let updated = try database.query(
                """
                UPDATE stock SET on_hand = on_hand + ?, version = ?
                WHERE sku = ? AND on_hand + ? >= 0
                RETURNING on_hand
                """, [.int(delta), .integer(version), .text(sku), .int(delta)])
            if let row = updated.first {
                try advanceStockVersion(to: version)
                return try row.int("on_hand")
            }
            // Read only to explain the refusal; the decision was the conditional update's.
            guard let onHand = try onHand(of: sku) else { throw StoreError.unknownSKU(sku) }
            throw StoreError.insufficientStock(sku: sku, onHand: onHand, change: delta)
        }
    }

    /// Every SKU with its stock, product and sale flags, by product handle then variant order;
    /// with `low`, only SKUs with at most `low` on hand.
    public func stockList(atOrBelow low: Int? = nil) throws -> [StockRow] {
        let select = """
            SELECT stock.sku, variants.product_handle, stock.on_hand, products.published, variants.active
            FROM stock
            JOIN variants ON variants.sku = stock.sku
            JOIN products ON products.handle = variants.product_handle
            """
        let order = "ORDER BY variants.product_handle, variants.position, stock.sku"
        let rows =
            if let low {
                try database.query("\(select) WHERE stock.on_hand <= ? \(order)", [.int(low)])
            } else {
                try database.query("\(select) \(order)")
            }
        return try rows.map { row in
            StockRow(
                sku: try row.text("sku"), productHandle: try row.text("product_handle"), onHand: try row.int("on_hand"),
                isPublished: try row.bool("published"), isActive: try row.bool("active"))
        }
    }

    /// The stock of `sku`, or nil when no variant has that SKU.
    func onHand(of sku: String) throws -> Int? {
        try database.query("SELECT on_hand FROM stock WHERE sku = ?", [.text(sku)]).first?.int("on_hand")
    }

    /// Sets the stock of `sku` when it differs and returns whether a row changed.
    func writeStock(_ sku: String, _ quantity: Int, version: Int64) throws -> Bool {
        let changed = try database.execute(
            "UPDATE stock SET on_hand = ?, version = ? WHERE sku = ? AND on_hand <> ?",
            [.int(quantity), .integer(version), .text(sku), .int(quantity)])
        return changed > 0
    }
}

extension Store {
    /// The most units of one SKU the store keeps on hand. PostgreSQL keeps levels in `INTEGER`
    /// columns of 32 bits where SQLite's hold 64: the store refuses more on both engines, with
    /// the same message, and a level plus any change it accepts (each at most this) stays below
    /// 2³¹.
    public static let maxOnHand = 1_000_000_000

    /// The units available to sell of each of `skus` that exists: on hand, less what orders
    /// hold. Unknown SKUs are left out. This is what product pages show.
    public func stockLevels(for skus: [String]) throws -> [String: Int] {
        var levels: [String: Int] = [:]
        for sku in skus {
            levels[sku] = try stockLevel(of: sku)?.available
        }
        return levels
    }

    /// The units available to sell of every SKU: on hand, less what orders hold.
    public func allStockLevels() throws -> [String: Int] {
        var levels: [String: Int] = [:]
        for row in try database.query("SELECT sku, on_hand - reserved - allocated AS available FROM stock") {
            levels[try row.text("sku")] = try row.int("available")
        }
        return levels
    }

    /// Sets the stock on hand of `sku` to `quantity`, as after a count of the shelf.
    ///
    /// Throws ``StoreError/unknownSKU(_:)`` for a SKU no variant has,
    /// ``StoreError/negativeStock(sku:quantity:)`` for a quantity below zero,
    /// ``StoreError/tooMuchStock(sku:quantity:)`` for one above ``maxOnHand`` and
    /// ``StoreError/stockHeld(sku:quantity:reserved:allocated:)`` for fewer than orders hold.
    public func setStock(_ sku: String, to quantity: Int) throws {
        guard quantity >= 0 else { throw StoreError.negativeStock(sku: sku, quantity: quantity) }
        guard quantity <= Self.maxOnHand else { throw StoreError.tooMuchStock(sku: sku, quantity: quantity) }
        try database.transaction {
            let version = try nextStockVersion()
            if try writeStock(sku, quantity, version: version) {
                try advanceStockVersion(to: version)
            }
        }
    }

    /// Adds `delta` (negative to take) to the stock on hand of `sku` and returns the new level.
    ///
    /// The change is one conditional update, so concurrent callers can neither lose an update
    /// nor take the stock below what orders hold: a delta that would throws
    /// ``StoreError/insufficientStock(sku:onHand:change:)`` (below zero),
    /// ``StoreError/tooMuchStock(sku:quantity:)`` (above ``maxOnHand``) or
    /// ``StoreError/stockHeld(sku:quantity:reserved:allocated:)`` (below the orders' holds).
    ///
    /// ```swift
    /// let left = try store.adjustStock("TEE-FOREST-M", by: -2)
    /// ```
    @discardableResult
    public func adjustStock(_ sku: String, by delta: Int) throws -> Int {
        // A larger change could never be applied; bound, it cannot overflow either engine's sum.
        guard delta.magnitude <= Self.maxOnHand.magnitude else { throw try adjustmentRefusal(sku, delta) }
        return try database.transaction {
            let version = try nextStockVersion()
            let updated = try database.query(
                """
                UPDATE stock SET on_hand = on_hand + ?, version = ?
                WHERE sku = ? AND on_hand + ? >= reserved + allocated AND on_hand + ? <= ?
                RETURNING on_hand
                """, [.int(delta), .integer(version), .text(sku), .int(delta), .int(delta), .int(Self.maxOnHand)])
            if let row = updated.first {
                try advanceStockVersion(to: version)
                return try row.int("on_hand")
            }
            throw try adjustmentRefusal(sku, delta)
        }
    }

    /// Why adding `delta` to the stock of `sku` was refused, read only to explain it: the
    /// decision was the conditional update's.
    private func adjustmentRefusal(_ sku: String, _ delta: Int) throws -> StoreError {
        guard let level = try stockLevel(of: sku) else { return .unknownSKU(sku) }
        let (result, overflow) = level.onHand.addingReportingOverflow(delta)
        if overflow || result > Self.maxOnHand { return .tooMuchStock(sku: sku, quantity: overflow ? Int.max : result) }
        if result < 0 { return .insufficientStock(sku: sku, onHand: level.onHand, change: delta) }
        return .stockHeld(sku: sku, quantity: result, reserved: level.reserved, allocated: level.allocated)
    }

    /// Every SKU with its stock, product and sale flags, by product handle then variant order;
    /// with `low`, only SKUs with at most `low` available.
    public func stockList(atOrBelow low: Int? = nil) throws -> [StockRow] {
        let select = """
            SELECT stock.sku, variants.product_handle, stock.on_hand, stock.reserved, stock.allocated,
                products.published, variants.active
            FROM stock
            JOIN variants ON variants.sku = stock.sku
            JOIN products ON products.handle = variants.product_handle
            """
        let order = "ORDER BY variants.product_handle, variants.position, stock.sku"
        let rows =
            if let low {
                try database.query("\(select) WHERE stock.on_hand - stock.reserved - stock.allocated <= ? \(order)", [.int(low)])
            } else {
                try database.query("\(select) \(order)")
            }
        return try rows.map { row in
            StockRow(
                sku: try row.text("sku"), productHandle: try row.text("product_handle"), onHand: try row.int("on_hand"),
                reserved: try row.int("reserved"), allocated: try row.int("allocated"), isPublished: try row.bool("published"),
                isActive: try row.bool("active"))
        }
    }

    /// The stock of `sku`, or nil when no variant has that SKU.
    func stockLevel(of sku: String) throws -> StockLevel? {
        try database.query("SELECT on_hand, reserved, allocated FROM stock WHERE sku = ?", [.text(sku)]).first.map { row in
            StockLevel(onHand: try row.int("on_hand"), reserved: try row.int("reserved"), allocated: try row.int("allocated"))
        }
    }

    /// Sets the stock on hand of `sku` when it differs and returns whether a row changed; call
    /// inside a write transaction. Throws when the SKU is unknown or orders hold more than `quantity`.
    func writeStock(_ sku: String, _ quantity: Int, version: Int64) throws -> Bool {
        let changed = try database.execute(
            "UPDATE stock SET on_hand = ?, version = ? WHERE sku = ? AND on_hand <> ? AND reserved + allocated <= ?",
            [.int(quantity), .integer(version), .text(sku), .int(quantity), .int(quantity)])
        if changed > 0 { return true }
        guard let level = try stockLevel(of: sku) else { throw StoreError.unknownSKU(sku) }
        guard level.reserved + level.allocated <= quantity else {
            throw StoreError.stockHeld(sku: sku, quantity: quantity, reserved: level.reserved, allocated: level.allocated)
        }
        return false
    }
}

/// One SKU's stock row: on the shelf, and held by orders.
struct StockLevel: Hashable {
    var onHand: Int
    /// Held by orders awaiting payment.
    var reserved: Int
    /// Held by paid orders.
    var allocated: Int

    /// What a new order may take.
    var available: Int { onHand - reserved - allocated }
}

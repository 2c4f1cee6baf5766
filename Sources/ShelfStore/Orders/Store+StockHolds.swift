/// The stock that order lines hold, changed only by conditional updates inside the caller's
/// write transaction. A change to what can be sold carries the transaction's stock version, as
/// every stock write does, so the next build re-renders that SKU's availability.
extension Store {
    /// Reserves `quantity` units of `sku` when that many are available; false when they are not.
    func reserve(_ quantity: Int, of sku: String, version: Int64) throws -> Bool {
        try database.execute(
            """
            UPDATE stock SET reserved = reserved + ?, version = ?
            WHERE sku = ? AND on_hand - reserved - allocated >= ?
            """, [.int(quantity), .integer(version), .text(sku), .int(quantity)]) > 0
    }

    /// Allocates `quantity` units of `sku` that were not reserved, when that many are available;
    /// false when they are not.
    func allocate(_ quantity: Int, of sku: String, version: Int64) throws -> Bool {
        try database.execute(
            """
            UPDATE stock SET allocated = allocated + ?, version = ?
            WHERE sku = ? AND on_hand - reserved - allocated >= ?
            """, [.int(quantity), .integer(version), .text(sku), .int(quantity)]) > 0
    }

    /// Turns `quantity` reserved units of `sku` into allocated ones. What can be sold does not
    /// change, so neither does the version.
    func allocateReserved(_ quantity: Int, of sku: String) throws {
        let changed = try database.execute(
            "UPDATE stock SET reserved = reserved - ?, allocated = allocated + ? WHERE sku = ? AND reserved >= ?",
            [.int(quantity), .int(quantity), .text(sku), .int(quantity)])
        guard changed > 0 else { throw heldLess(sku, "reserved", quantity) }
    }

    /// Gives back `quantity` units of `sku` held as `hold` (reserved or allocated).
    func release(_ quantity: Int, of sku: String, heldAs hold: OrderLine.Hold, version: Int64) throws {
        let sql =
            switch hold {
            case .reserved: "UPDATE stock SET reserved = reserved - ?, version = ? WHERE sku = ? AND reserved >= ?"
            case .allocated: "UPDATE stock SET allocated = allocated - ?, version = ? WHERE sku = ? AND allocated >= ?"
            case .released, .short: preconditionFailure("a \(hold.rawValue) line holds nothing to release")
            }
        let changed = try database.execute(sql, [.int(quantity), .integer(version), .text(sku), .int(quantity)])
        guard changed > 0 else { throw heldLess(sku, hold.rawValue, quantity) }
    }

    /// Gives back what every line of the order holds and marks those lines released.
    func releaseHolds(ofOrder orderID: Int64, version: Int64) throws {
        let held = try database.query(
            """
            SELECT position, sku, quantity - shipped - missing AS quantity, hold FROM order_lines
            WHERE order_id = ? AND hold IN ('reserved', 'allocated')
            """,
            [.integer(orderID)])
        for line in held {
            let hold: OrderLine.Hold = try line.text("hold") == "reserved" ? .reserved : .allocated
            try release(try line.int("quantity"), of: try line.text("sku"), heldAs: hold, version: version)
            try setHold(.released, orderID: orderID, position: try line.int("position"))
        }
    }

    /// Records what a line holds now.
    func setHold(_ hold: OrderLine.Hold, orderID: Int64, position: Int) throws {
        try database.execute(
            "UPDATE order_lines SET hold = ? WHERE order_id = ? AND position = ?",
            [.text(hold.rawValue), .integer(orderID), .int(position)])
    }

    /// The units of `sku` a new order may take now.
    func available(of sku: String) throws -> Int {
        try stockLevel(of: sku)?.available ?? 0
    }

    /// The stock row holds less than an order line says it holds: a bug, never the shopper's doing.
    private func heldLess(_ sku: String, _ hold: String, _ quantity: Int) -> DatabaseError {
        DatabaseError(message: "the stock of \"\(sku)\" has fewer than \(quantity) \(hold), which an order line holds")
    }
}

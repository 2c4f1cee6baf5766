import ShelfCore

extension Store {
    /// Records that a parcel of a paid order left, in one write transaction: the shipment with
    /// its carrier and tracking numbers, the units it carries and the units the merchant could
    /// not find, both taken off the shelf and out of the order's allocation; the order becomes
    /// `shipped`, or `partiallyShipped` while units are left to ship; and the shipping email is
    /// queued. The caller refunds ``Fulfilment/refund`` through the payment provider and
    /// records it with ``recordRefund(_:amount:reference:now:)``.
    ///
    /// Throws ``OrderError/invalidShipment(_:)`` for a request without carrier or tracking
    /// number or that ships nothing, ``OrderError/notInOrder(sku:requested:left:)`` for more
    /// units than are left to ship, ``OrderError/cannotChange(from:to:)`` unless the order is
    /// paid or partly shipped; nothing is recorded then. The email's data keeps what this parcel
    /// did (the units missing by line position, whether more parcels follow), since the email
    /// is rendered later, when the order may have moved on.
    ///
    /// ```swift
    /// let fulfilment = try store.fulfil(order.id, ShipmentRequest(carrier: "An Post", trackingNumbers: ["CE1IE"]), now: now)
    /// ```
    public func fulfil(_ orderID: Int64, _ request: ShipmentRequest, now: Int64) throws -> Fulfilment {
        if let problem = request.problem { throw OrderError.invalidShipment(problem) }
        return try database.transaction {
            let order = try existingOrder(orderID)
            guard order.status == .paid || order.status == .partiallyShipped else {
                throw OrderError.cannotChange(from: order.status, to: .shipped)
            }
            var lines = try openLines(of: orderID)
            let missing = try take(request.missing, from: &lines)
            let shipped = try request.ship.map { try take($0, from: &lines) } ?? takeAll(from: &lines)
            guard !shipped.isEmpty else {
                throw OrderError.invalidShipment("nothing is left to ship; cancel or refund the order instead")
            }
            let shipment = try insertShipment(orderID, request, lines: shipped, now: now)
            for (position, quantity) in shipped { try leaveShelf(orderID, position: position, quantity: quantity, as: "shipped") }
            for (position, quantity) in missing { try leaveShelf(orderID, position: position, quantity: quantity, as: "missing") }
            let done = lines.allSatisfy { $0.left == 0 }
            let missingBySKU = bySKU(missing, lines)
            let missingValue = lines.reduce(Money.zero(order.amounts.currency)) { sum, line in
                sum + line.unitPrice * (missing[line.position] ?? 0)
            }
            let refund = order.amounts.refund(forGoodsWorth: missingValue)
            var note =
                "shipped \(shipped.values.reduce(0, +)) items by \(request.carrier) (\(request.trackingNumbers.joined(separator: ", ")))"
            if !missingBySKU.isEmpty {
                note += "; not found: \(missingBySKU.sorted { $0.key < $1.key }.map { "\($0.value) × \($0.key)" }.joined(separator: ", "))"
                note += "; refund \(refund)"
            }
            let status: OrderStatus = done ? .shipped : .partiallyShipped
            try changeStatus(of: order, to: status, now: now, note: note)
            try enqueue(
                .orderShipped, orderID: orderID, recipient: order.address.email,
                data: [
                    "shipment": String(shipment.id), "refund_minor": String(refund.minorUnits), "rest_to_come": done ? "no" : "yes",
                    "missing": missing.sorted { $0.key < $1.key }.map { "\($0.key):\($0.value)" }.joined(separator: ","),
                ], now: now)
            return Fulfilment(shipment: shipment, missing: missingBySKU, refund: refund, status: status)
        }
    }

    /// Records that the order's parcels arrived: every shipment delivered, the order
    /// `delivered`, the shopper's email queued. Throws ``OrderError/cannotChange(from:to:)``
    /// unless the order is `shipped`.
    public func markDelivered(_ orderID: Int64, now: Int64) throws {
        try database.transaction {
            let order = try existingOrder(orderID)
            try changeStatus(of: order, to: .delivered, now: now, note: "delivered")
            try database.execute(
                "UPDATE shipments SET delivered_at = ? WHERE order_id = ? AND delivered_at IS NULL", [.integer(now), .integer(orderID)])
            try enqueue(.orderDelivered, orderID: orderID, recipient: order.address.email, now: now)
        }
    }

    /// The order's parcels, oldest first.
    public func shipments(ofOrder orderID: Int64) throws -> [Shipment] {
        let rows = try database.query(
            "SELECT id, carrier, shipped_at, delivered_at FROM shipments WHERE order_id = ? ORDER BY id", [.integer(orderID)])
        return try rows.map { row in
            let id = try row.int64("id")
            let numbers = try database.query(
                "SELECT number FROM shipment_tracking WHERE shipment_id = ? ORDER BY position", [.integer(id)]
            ).map { try $0.text("number") }
            var lines: [Int: Int] = [:]
            for line in try database.query("SELECT position, quantity FROM shipment_lines WHERE shipment_id = ?", [.integer(id)]) {
                lines[try line.int("position")] = try line.int("quantity")
            }
            return Shipment(
                id: id, carrier: try row.text("carrier"), trackingNumbers: numbers, shippedAt: try row.int64("shipped_at"),
                deliveredAt: try row.optionalInt64("delivered_at"), lines: lines)
        }
    }

    /// A line still holding allocated stock, and how many of its units are left to ship.
    private struct OpenLine {
        var position: Int
        var sku: String
        var unitPrice: Money
        var left: Int
    }

    private func openLines(of orderID: Int64) throws -> [OpenLine] {
        let currency = try existingOrder(orderID).amounts.currency
        return try database.query(
            """
            SELECT position, sku, unit_price_minor, quantity - shipped - missing AS open
            FROM order_lines WHERE order_id = ? AND hold = 'allocated' ORDER BY position
            """, [.integer(orderID)]
        ).map {
            OpenLine(
                position: try $0.int("position"), sku: try $0.text("sku"), unitPrice: try $0.money("unit_price_minor", currency),
                left: try $0.int("open"))
        }
    }

    /// Takes the requested units per SKU from the lines' open units, first lines first; returns
    /// the units taken per line position.
    private func take(_ request: [String: Int], from lines: inout [OpenLine]) throws -> [Int: Int] {
        var taken: [Int: Int] = [:]
        for (sku, quantity) in request.sorted(by: { $0.key < $1.key }) {
            let left = lines.filter { $0.sku == sku }.reduce(0) { $0 + $1.left }
            guard quantity <= left else { throw OrderError.notInOrder(sku: sku, requested: quantity, left: left) }
            var wanted = quantity
            for index in lines.indices where lines[index].sku == sku && wanted > 0 {
                let part = min(wanted, lines[index].left)
                guard part > 0 else { continue }
                lines[index].left -= part
                taken[lines[index].position, default: 0] += part
                wanted -= part
            }
        }
        return taken
    }

    private func takeAll(from lines: inout [OpenLine]) -> [Int: Int] {
        var taken: [Int: Int] = [:]
        for index in lines.indices where lines[index].left > 0 {
            taken[lines[index].position] = lines[index].left
            lines[index].left = 0
        }
        return taken
    }

    private func bySKU(_ units: [Int: Int], _ lines: [OpenLine]) -> [String: Int] {
        var result: [String: Int] = [:]
        for line in lines { if let quantity = units[line.position] { result[line.sku, default: 0] += quantity } }
        return result
    }

    private func insertShipment(_ orderID: Int64, _ request: ShipmentRequest, lines: [Int: Int], now: Int64) throws -> Shipment {
        let rows = try database.query(
            "INSERT INTO shipments (order_id, carrier, shipped_at) VALUES (?, ?, ?) RETURNING id",
            [.integer(orderID), .text(request.carrier.trimmingSpaces), .integer(now)])
        let id = try rows[0].int64("id")
        let numbers = request.trackingNumbers.map(\.trimmingSpaces)
        for (index, number) in numbers.enumerated() {
            try database.execute(
                "INSERT INTO shipment_tracking (shipment_id, position, number) VALUES (?, ?, ?)",
                [.integer(id), .int(index + 1), .text(number)])
        }
        for (position, quantity) in lines.sorted(by: { $0.key < $1.key }) {
            try database.execute(
                "INSERT INTO shipment_lines (shipment_id, order_id, position, quantity) VALUES (?, ?, ?, ?)",
                [.integer(id), .integer(orderID), .int(position), .int(quantity)])
        }
        return Shipment(
            id: id, carrier: request.carrier.trimmingSpaces, trackingNumbers: numbers, shippedAt: now, deliveredAt: nil, lines: lines)
    }

    /// Takes `quantity` units of a line off the shelf and out of the allocation, counting them
    /// in the line's `column` (`shipped` or `missing`). What can be sold does not change.
    private func leaveShelf(_ orderID: Int64, position: Int, quantity: Int, as column: String) throws {
        precondition(column == "shipped" || column == "missing")
        let sku = try database.query(
            "SELECT sku FROM order_lines WHERE order_id = ? AND position = ?", [.integer(orderID), .int(position)])[0].text("sku")
        let changed = try database.execute(
            "UPDATE stock SET on_hand = on_hand - ?, allocated = allocated - ? WHERE sku = ? AND allocated >= ? AND on_hand >= ?",
            [.int(quantity), .int(quantity), .text(sku), .int(quantity), .int(quantity)])
        guard changed > 0 else {
            throw DatabaseError(message: "the stock of \"\(sku)\" has fewer than \(quantity) allocated, which an order line holds")
        }
        try database.execute(
            "UPDATE order_lines SET \(column) = \(column) + ? WHERE order_id = ? AND position = ?",
            [.int(quantity), .integer(orderID), .int(position)])
    }
}

public import ShelfCore

/// One line of a placed order, with the title, options and price the shopper saw.
public struct OrderLine: Hashable, Sendable {
    /// 1 for the first line.
    public var position: Int
    public var sku: String
    public var title: String
    /// The variant's options as shown (`Colour: Forest · Size: M`); empty when it has none.
    public var options: String
    public var unitPrice: Money
    public var quantity: Int
    public var lineTotal: Money
    /// What the line holds of the SKU's stock.
    public var hold: Hold
    /// Units that left in a shipment.
    public var shipped: Int
    /// Units the merchant could not find when picking, refunded instead.
    public var missing: Int

    /// What an order line holds of its SKU's stock; `stock.reserved` and `stock.allocated` are
    /// the sums of the quantities of the lines holding each.
    public enum Hold: String, Hashable, Sendable {
        /// Reserved while the order awaits payment.
        case reserved
        /// Allocated to the paid order, until it ships: `quantity - shipped - missing` units.
        case allocated
        /// Given back: the order was cancelled or expired.
        case released
        /// Paid for after its reservation expired, when too little was left: to be refunded.
        case short
    }

    /// Reads a row of `order_lines`.
    init(_ row: Row, currency: Currency) throws {
        let hold = try row.text("hold")
        guard let parsed = Hold(rawValue: hold) else { throw DatabaseError(message: "unknown line hold \"\(hold)\"") }
        position = try row.int("position")
        sku = try row.text("sku")
        title = try row.text("title")
        options = try row.text("options")
        unitPrice = try row.money("unit_price_minor", currency)
        quantity = try row.int("quantity")
        lineTotal = try row.money("line_total_minor", currency)
        self.hold = parsed
        shipped = try row.int("shipped")
        missing = try row.int("missing")
    }
}

import ShelfCore

/// Everything about one order: the order, its lines, its history, its payments, refunds and
/// shipments.
public struct OrderDetails: Hashable, Sendable {
    public var order: Order
    /// In order.
    public var lines: [OrderLine]
    /// Oldest first.
    public var events: [OrderEvent]
    /// By attempt.
    public var payments: [Payment]
    /// Oldest first.
    public var refunds: [Refund]
    /// The parcels it left in, oldest first.
    public var shipments: [Shipment]
    /// What gave the discount, as the shopper saw it: each code or campaign title used.
    public var discountNames: [String]

    /// The words after "Discount" in the order's totals (`WELCOME10`, `Winter Layers`); nil
    /// when nothing named gave it.
    public var discountLabel: String? {
        if !discountNames.isEmpty { return discountNames.joined(separator: ", ") }
        return order.amounts.discountCode
    }
}

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
}

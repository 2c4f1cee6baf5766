public import ShelfCore

/// What recording a shipment did: the parcel, the units found missing, and what to refund
/// for them through the payment provider.
public struct Fulfilment: Hashable, Sendable {
    public var shipment: Shipment
    /// Units not found, by SKU.
    public var missing: [String: Int]
    /// Their value less their share of the discount, with tax when prices exclude it; zero
    /// when nothing was missing.
    public var refund: Money
    /// The order's status now: `shipped`, or `partiallyShipped` while lines are left.
    public var status: OrderStatus
}

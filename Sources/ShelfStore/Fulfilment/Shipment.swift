/// A parcel that left for the shopper.
public struct Shipment: Hashable, Sendable {
    public var id: Int64
    public var carrier: String
    public var trackingNumbers: [String]
    /// Unix seconds.
    public var shippedAt: Int64
    public var deliveredAt: Int64?
    /// The units of each order line it carries, by line position.
    public var lines: [Int: Int]
}

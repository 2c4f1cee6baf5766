/// A line of an order that the stock cannot cover: `requested` units of `sku`, `available` left.
public struct ShortLine: Hashable, Sendable, CustomStringConvertible {
    public var sku: String
    public var requested: Int
    public var available: Int

    public init(sku: String, requested: Int, available: Int) {
        self.sku = sku
        self.requested = requested
        self.available = available
    }

    public var description: String { "\(sku): \(requested) wanted, \(available) available" }
}

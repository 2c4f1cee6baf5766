/// What became of a cart line after a shopper changed it: the quantity asked for, the quantity
/// the line holds now and, when they differ, why.
///
/// ```swift
/// if case .stock(let available) = change.limitedBy {
///     print("Only \(available) left — we put \(change.quantity) in your cart")
/// }
/// ```
public struct CartChange: Sendable, Hashable {
    public var sku: String
    /// The line quantity the shopper asked for (after an add: what the line held plus what was added).
    public var requested: Int
    /// The quantity the line holds now; 0 when the line was removed.
    public var quantity: Int
    /// Why `quantity` is less than `requested`; nil when the shopper got what they asked for.
    public var limitedBy: Limit?

    public init(sku: String, requested: Int, quantity: Int, limitedBy: Limit? = nil) {
        self.sku = sku
        self.requested = requested
        self.quantity = quantity
        self.limitedBy = limitedBy
    }

    /// Why a line holds less than the shopper asked for.
    public enum Limit: Sendable, Hashable {
        /// Only `available` units can be sold.
        case stock(available: Int)
        /// The store sells at most this many of one variant per cart.
        case maxPerLine(Int)
    }
}

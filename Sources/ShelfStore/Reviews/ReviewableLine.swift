public import ShelfCore

/// An order line as a review link sees it: what was bought, by whom, whether it arrived, and
/// the review written for it so far.
public struct ReviewableLine: Hashable, Sendable {
    public var orderID: Int64
    /// The line's position within its order.
    public var line: Int
    public var productHandle: String
    /// The title the buyer saw when ordering.
    public var title: String
    /// `Colour: Forest · Size: M`; empty when it has none.
    public var options: String
    /// The name on the order, for the default display name.
    public var buyerName: String
    /// When the order was marked delivered (Unix seconds); nil before. Only delivered lines
    /// can be reviewed, and review links expire a while after delivery.
    public var deliveredAt: Int64?
    public var isDelivered: Bool { deliveredAt != nil }
    /// False once the product is no longer sold (its content file was deleted and the build
    /// unpublished it): its reviews are kept, but none is written or changed through a link.
    public var isSold: Bool
    /// True when the product has a Size option (any case).
    public var hasSizeOption: Bool
    /// The product's category handles.
    public var categories: [String]
    /// The review of this line, if one was written.
    public var review: Review?

    /// True when the form asks how the product fits, under the store's `question`.
    public func asksFit(_ question: FitQuestion) -> Bool {
        question.asks(hasSizeOption: hasSizeOption, categories: categories)
    }
}

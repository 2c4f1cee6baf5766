public import ShelfCore

/// A variant as a cart shows and sells it, read from the database: names, options and picture
/// from the last catalogue sync, price and stock as they are now.
public struct SellableVariant: Sendable, Hashable {
    public var sku: String
    public var productHandle: String
    public var productTitle: String
    /// Option names with this variant's values, in the product's option order.
    public var options: [VariantOption]
    public var price: Money
    /// The former price, shown struck through when higher than `price`.
    public var compareAtPrice: Money?
    /// The picture that shows this variant, when the product has any.
    public var image: Image?
    /// True when the product is published and the variant still in its content: only then can
    /// it go into a cart.
    public var isPublished: Bool
    /// The units on the shelf, held by orders or not.
    public var onHand: Int
    /// Units held by orders awaiting payment.
    public var reserved: Int
    /// Units held by paid orders, on the shelf until shipped.
    public var allocated: Int

    public init(
        sku: String, productHandle: String, productTitle: String, options: [VariantOption], price: Money,
        compareAtPrice: Money? = nil, image: Image? = nil, isPublished: Bool, onHand: Int, reserved: Int = 0, allocated: Int = 0
    ) {
        self.sku = sku
        self.productHandle = productHandle
        self.productTitle = productTitle
        self.options = options
        self.price = price
        self.compareAtPrice = compareAtPrice
        self.image = image
        self.isPublished = isPublished
        self.onHand = onHand
        self.reserved = reserved
        self.allocated = allocated
    }

    /// The units a cart may take: on hand, less what orders hold. The one place that decides it.
    public var available: Int { onHand - reserved - allocated }

    /// A picture: a path under the store's `static/` folder and its alt text.
    public struct Image: Sendable, Hashable {
        public var src: String
        public var alt: String

        public init(src: String, alt: String) {
            self.src = src
            self.alt = alt
        }
    }
}

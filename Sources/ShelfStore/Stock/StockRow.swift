/// One SKU's stock, with the product it belongs to and whether it is on sale at all.
public struct StockRow: Hashable, Sendable {
    public var sku: String
    public var productHandle: String
    public var onHand: Int
    /// False when the product is unpublished (a draft, or gone from the content).
    public var isPublished: Bool
    /// False when the variant is gone from its product's content.
    public var isActive: Bool

    public init(sku: String, productHandle: String, onHand: Int, isPublished: Bool, isActive: Bool) {
        self.sku = sku
        self.productHandle = productHandle
        self.onHand = onHand
        self.isPublished = isPublished
        self.isActive = isActive
    }
}

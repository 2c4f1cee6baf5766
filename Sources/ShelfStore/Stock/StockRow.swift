/// One SKU's stock, with the product it belongs to and whether it is on sale at all.
public struct StockRow: Hashable, Sendable {
    public var sku: String
    public var productHandle: String
    /// The units on the shelf, held or not.
    public var onHand: Int
    /// Units held by orders awaiting payment.
    public var reserved: Int
    /// Units held by paid orders, still on the shelf until shipped.
    public var allocated: Int
    /// False when the product is unpublished (a draft, or gone from the content).
    public var isPublished: Bool
    /// False when the variant is gone from its product's content.
    public var isActive: Bool

    public init(
        sku: String, productHandle: String, onHand: Int, reserved: Int = 0, allocated: Int = 0, isPublished: Bool, isActive: Bool
    ) {
        self.sku = sku
        self.productHandle = productHandle
        self.onHand = onHand
        self.reserved = reserved
        self.allocated = allocated
        self.isPublished = isPublished
        self.isActive = isActive
    }

    /// The units a new order may take: on hand, less what orders hold.
    public var available: Int { onHand - reserved - allocated }
}

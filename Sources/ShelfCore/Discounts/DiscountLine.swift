/// A cart or order line as discounts see it: the product it belongs to, its unit price and
/// quantity.
public struct DiscountLine: Hashable, Sendable {
    public var productHandle: String
    public var unitPrice: Money
    public var quantity: Int

    public init(productHandle: String, unitPrice: Money, quantity: Int) {
        self.productHandle = productHandle
        self.unitPrice = unitPrice
        self.quantity = quantity
    }

    public var total: Money { unitPrice * quantity }
}

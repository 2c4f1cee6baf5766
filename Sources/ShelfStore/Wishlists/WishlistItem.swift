public import ShelfCore

/// A product on a wish list, as it was when saved.
public struct WishlistItem: Sendable, Hashable {
    public var productHandle: String
    /// The variant saved, when the shopper saved one rather than the product.
    public var sku: String?
    public var addedAt: Int64
    /// The price when saved: the variant's, or the product's lowest.
    public var priceWhenAdded: Money
    /// Whether anything of it could be bought when saved.
    public var inStockWhenAdded: Bool

    public init(productHandle: String, sku: String?, addedAt: Int64, priceWhenAdded: Money, inStockWhenAdded: Bool) {
        self.productHandle = productHandle
        self.sku = sku
        self.addedAt = addedAt
        self.priceWhenAdded = priceWhenAdded
        self.inStockWhenAdded = inStockWhenAdded
    }

    static let columns = "product_handle, sku, added_at, price_minor, currency, in_stock"

    init(_ row: Row) throws {
        let sku = try row.text("sku")
        self.init(
            productHandle: try row.text("product_handle"), sku: sku.isEmpty ? nil : sku, addedAt: try row.int64("added_at"),
            priceWhenAdded: Money(minorUnits: try row.int64("price_minor"), currency: try Currency(code: try row.text("currency"))),
            inStockWhenAdded: try row.bool("in_stock"))
    }
}

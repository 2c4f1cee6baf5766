public import ShelfCore

/// One line of a shopper's cart: a variant, as the database has it now, and how many.
public struct CartLine: Sendable, Hashable {
    public var variant: SellableVariant
    public var quantity: Int

    public init(variant: SellableVariant, quantity: Int) {
        self.variant = variant
        self.quantity = quantity
    }

    /// The variant's current price times the quantity.
    public var lineTotal: Money { variant.price * quantity }
}

/// Why a cart change was refused, worded for the shopper who asked for it.
///
/// The SKU travels with the error for logs; ``description`` never shows it, nor any SQL.
public enum CartError: Error, Hashable, CustomStringConvertible {
    /// No variant has this SKU.
    case unknownItem(sku: String)
    /// The product is unpublished or the variant is no longer sold.
    case unavailable(sku: String)
    /// Nothing of the variant is left to sell.
    case soldOut(sku: String)
    /// An add asked for zero or fewer units.
    case quantityNotPositive(Int)
    /// A new quantity below zero was asked for.
    case quantityNegative(Int)
    /// A quantity above ``CartRules/largestQuantity`` was asked for.
    case quantityTooLarge(Int)
    /// The shopper's session expired or was deleted before the change was made.
    case sessionExpired
    /// The cart already holds this many different items, the most a cart may.
    case tooManyLines(Int)

    public var description: String {
        switch self {
        case .unknownItem: "We could not find this item. It may have been removed from the shop."
        case .unavailable: "Sorry, this item is no longer for sale."
        case .soldOut: "Sorry, this item is sold out."
        case .quantityNotPositive: "Choose a quantity of 1 or more."
        case .quantityNegative: "Choose a quantity of 0 or more."
        case .quantityTooLarge: "Choose a quantity of at most \(CartRules.largestQuantity)."
        case .sessionExpired: "Your cart has expired. Please add the item again."
        case .tooManyLines(let most): "Your cart holds \(most) different items, the most it can. Remove one to add another."
        }
    }
}

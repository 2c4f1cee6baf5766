/// Why a product could not go on a wish list; the descriptions are written for shoppers.
public enum WishlistError: Error, Hashable, CustomStringConvertible {
    /// No published product has this handle, or the SKU is not one of its variants on sale.
    case unknownProduct(handle: String)
    /// The list already holds this many items, the most it may.
    case full(Int)

    public var description: String {
        switch self {
        case .unknownProduct: "We could not find this product. It may have been removed from the shop."
        case .full(let most): "Your wish list holds \(most) items, the most it can. Remove one to save another."
        }
    }
}

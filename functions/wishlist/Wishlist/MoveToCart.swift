import ShelfConfig
import ShelfCore
import ShelfHTTP
import ShelfStore

/// "Move to cart": one unit of the chosen variant into the cart through the cart's own
/// operation (stock, published state and the cart's limits checked there), then the item off
/// the list. A product with several variants needs `sku`; one with a single variant on sale
/// takes it.
enum MoveToCart {
    static func move(_ request: Request, _ context: FunctionContext) throws -> Response {
        let fields = try request.fields()
        let handle = try WishlistInput.product(fields)
        let chosen = try WishlistInput.sku(fields)
        let store = try context.store()
        let shopper = try WishlistSession.checked(request, fields, context, store)
        let owner = WishlistOwner(shopper.session)
        let items = try store.wishlist(of: owner).filter { $0.productHandle == handle }
        guard let item = items.first(where: { $0.sku == chosen }) ?? items.first(where: { $0.sku == nil }) else {
            throw HTTPError(404, "This item is not on your wish list.", log: "move of an item not on the list")
        }
        let onSale = (try store.wishlistVariants(ofProducts: [handle])[handle] ?? []).filter(\.isPublished)
        let sku = try variant(chosen ?? item.sku, of: onSale)
        let config = context.config.cart
        try WishlistFailure.mapped {
            try store.addToCart(
                sku, quantity: 1, in: shopper.session, now: context.clock.now(), maxPerLine: config.maxPerLine, maxLines: config.maxLines)
        }
        context.record(AnalyticsEvent(.cartAdd, detail: sku, amount: 1), for: request)
        try store.removeFromWishlist(handle, sku: item.sku, for: owner)
        if request.wantsJSON {
            return .json(.object([("product", .string(handle)), ("sku", .string(sku)), ("moved", .bool(true))]))
        }
        return .redirect(to: "/fn/wishlist?moved=\(handle)")
    }

    /// The SKU to add: the one chosen, when the product sells it; else the only variant on sale.
    private static func variant(_ chosen: String?, of onSale: [SellableVariant]) throws -> String {
        if let chosen {
            guard onSale.contains(where: { $0.sku == chosen }) else {
                throw HTTPError(409, CartError.unavailable(sku: chosen).description, log: "move of a variant not on sale")
            }
            return chosen
        }
        guard let only = onSale.first else { throw HTTPError(409, CartError.unavailable(sku: "").description, log: "nothing on sale") }
        guard onSale.count == 1 else {
            let option = onSale[0].options.map { $0.name.lowercased() }.joined(separator: " and ")
            throw HTTPError(422, "Choose \(option.isEmpty ? "an option" : "a " + option), then move it to your cart.", log: "no sku chosen")
        }
        return only.sku
    }
}

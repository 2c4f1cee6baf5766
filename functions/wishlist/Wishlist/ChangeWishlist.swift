import ShelfCore
import ShelfHTTP
import ShelfStore

/// Saving and unsaving. A form gets a 303 to `back` (a path on this store) or to the list,
/// which then says what happened; a JSON client gets the product's new state.
///
/// The price and stock recorded come from the database; the request only names a product.
enum ChangeWishlist {
    /// The heart: a form on static pages, which cannot carry a session's token, so the
    /// cross-site check is what guards it. Starts a guest session when there is none, but only
    /// once the product is known to be on sale, so a refused save leaves no row behind.
    static func add(_ request: Request, _ context: FunctionContext) throws -> Response {
        let fields = try request.fields()
        let handle = try WishlistInput.product(fields)
        let sku = try WishlistInput.sku(fields)
        let back = try WishlistInput.back(fields)
        let store = try context.store()
        let found = try ShopperSession.find(request, context, in: store)
        if found == nil, try store.wishlistPrice(handle, sku: sku) == nil {
            throw HTTPError(404, WishlistError.unknownProduct(handle: handle).description, log: "not on sale: \(handle)")
        }
        let shopper = try ShopperSession.keepOrStart(found, request, context, in: store)
        try WishlistFailure.mapped {
            try store.addToWishlist(handle, sku: sku, for: WishlistOwner(shopper.session), now: context.clock.now())
        }
        return try answer(request, context, store, shopper, handle: handle, saved: true, to: back ?? "/fn/wishlist?saved=\(handle)")
    }

    /// Unsaving: from the list page or a heart with JavaScript, both of which hold the token.
    static func remove(_ request: Request, _ context: FunctionContext) throws -> Response {
        let fields = try request.fields()
        let handle = try WishlistInput.product(fields)
        let sku = try WishlistInput.sku(fields)
        let back = try WishlistInput.back(fields)
        let store = try context.store()
        let shopper = try WishlistSession.checked(request, fields, context, store)
        try store.removeFromWishlist(handle, sku: sku, for: WishlistOwner(shopper.session))
        return try answer(request, context, store, shopper, handle: handle, saved: false, to: back ?? "/fn/wishlist?removed=\(handle)")
    }

    private static func answer(
        _ request: Request, _ context: FunctionContext, _ store: Store, _ shopper: ShopperSession, handle: String, saved: Bool,
        to location: String
    ) throws -> Response {
        var response: Response
        if request.wantsJSON {
            let owner = WishlistOwner(shopper.session)
            let saved = try store.wishlist(of: owner).contains { $0.productHandle == handle }
            response = .json(
                .object([
                    ("product", .string(handle)), ("saved", .bool(saved)), ("count", .number(String(try store.wishlistCount(of: owner)))),
                    ("token", .string(shopper.formToken(context))),
                ]))
        } else {
            response = .redirect(to: location)
        }
        if let cookie = shopper.cookie { response.setHeader("Set-Cookie", cookie) }
        return response
    }
}

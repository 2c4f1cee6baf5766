public import ShelfHTTP

/// The wish list function's routes: hearts on products, the list page, moving items to the cart.
///
/// | Route                     | What it does                                                   |
/// |---------------------------|----------------------------------------------------------------|
/// | `GET /fn/wishlist`        | the list page: current prices, notes, move to cart, remove     |
/// | `GET /fn/wishlist.json`   | the saved product handles and count, for hearts; never a session |
/// | `POST /fn/wishlist/add`   | `product`, optional `sku` and `back`: saves it (starts a session) |
/// | `POST /fn/wishlist/remove`| `product`, optional `sku` and `back`, `_token`: takes it off   |
/// | `POST /fn/wishlist/move`  | `product`, `sku` (a variant), `_token`: into the cart, off the list |
public enum WishlistRoutes {
    /// A change is a few short fields; 4 KiB is generous and keeps floods cheap.
    static let bodyLimit = 4096

    public static let all: [Route] = [
        Route(.get, "/") { request, context in try ShowWishlist.page(request, context) },
        Route(.get, ".json") { request, context in try ShowWishlist.json(request, context) },
        Route(.post, "/add", body: .accepts([.form, .json], limit: bodyLimit)) { request, context in
            try ChangeWishlist.add(request, context)
        },
        Route(.post, "/remove", body: .accepts([.form, .json], limit: bodyLimit)) { request, context in
            try ChangeWishlist.remove(request, context)
        },
        Route(.post, "/move", body: .accepts([.form, .json], limit: bodyLimit)) { request, context in
            try MoveToCart.move(request, context)
        },
    ]
}

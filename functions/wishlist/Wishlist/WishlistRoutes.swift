public import ShelfHTTP

/// The wish list function's routes: hearts on products, the list page, moving items to the cart.
public enum WishlistRoutes {
    public static let all: [Route] = []
}

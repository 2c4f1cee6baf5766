import ShelfCore
import ShelfHTTP
import ShelfStore

/// The list page and `wishlist.json`. Reading the list never creates a session.
enum ShowWishlist {
    static func page(_ request: Request, _ context: FunctionContext) throws -> Response {
        let store = try context.store()
        let shopper = try ShopperSession.find(request, context, in: store)
        let items = try shopper.map { try store.wishlist(of: WishlistOwner($0.session)) } ?? []
        let query = try request.queryFields()
        let notice = try Notice(query)
        let variants = try store.wishlistVariants(ofProducts: items.map(\.productHandle) + (notice.map { [$0.handle] } ?? []))
        let token = shopper?.formToken(context) ?? ""
        let cards = items.map { WishlistCard($0, variants: variants[$0.productHandle] ?? []).values(prices: context.prices, token: token) }
        var values: [String: Any] = [
            "wishlist": ["items": cards, "count": cards.count, "is_empty": cards.isEmpty, "continue_url": "/shop/"] as [String: Any]
        ]
        if let notice, let title = variants[notice.handle]?.first?.productTitle {
            values["notice"] = ["text": notice.text(title), "cart_url": notice.kind == .moved ? "/fn/cart" : ""]
        }
        var response = Response.html(try context.pages().render("wishlist", title: "Your wish list", path: "/fn/wishlist", values: values))
        response.setHeader("Cache-Control", "no-store")
        return response
    }

    /// `{"count": 2, "products": ["tee", "mug"], "token": "…"}`: what hearts need, and the token
    /// that lets a page's script remove; `token` is null without a session.
    static func json(_ request: Request, _ context: FunctionContext) throws -> Response {
        let store = try context.store()
        let shopper = try ShopperSession.find(request, context, in: store)
        let items = try shopper.map { try store.wishlist(of: WishlistOwner($0.session)) } ?? []
        var handles: [String] = []
        for item in items where !handles.contains(item.productHandle) { handles.append(item.productHandle) }
        var response = Response.json(
            .object([
                ("count", .number(String(items.count))), ("products", .array(handles.map { .string($0) })),
                ("token", shopper.map { .string($0.formToken(context)) } ?? .null),
            ]))
        response.setHeader("Cache-Control", "no-store")
        return response
    }

    /// What the page says after a change, from the 303's query: a kind and a product handle,
    /// never text, so the page cannot be made to say words of someone else's choosing.
    struct Notice {
        enum Kind: String { case saved, removed, moved }
        let kind: Kind
        let handle: String

        init?(_ query: Fields) throws {
            for kind in [Kind.saved, .removed, .moved] {
                if let handle = try query.optional(kind.rawValue), (1...100).contains(handle.utf8.count) {
                    self.kind = kind
                    self.handle = handle
                    return
                }
            }
            return nil
        }

        func text(_ title: String) -> String {
            switch kind {
            case .saved: "Saved \(title) to your wish list."
            case .removed: "Removed \(title) from your wish list."
            case .moved: "Moved \(title) to your cart."
            }
        }
    }
}

import ShelfConfig
import ShelfCore
import ShelfHTTP
import ShelfStore

/// The three cart changes. Each answers a form with a 303 back to the cart page, which then
/// says what happened, and a JSON client with the new cart.
///
/// Prices, names and stock come from the database; the request only names a SKU and a count.
/// A field such as `price` is never read.
enum ChangeCart {
    static func add(_ request: Request, _ context: FunctionContext) throws -> Response {
        let fields = try request.fields()
        let sku = try CartInput.chosenSKU(fields)
        let quantity = try CartInput.quantity(fields, in: 1...context.config.cart.maxPerLine, fallback: 1)
        let store = try context.store()
        let found = try ShopperSession.find(request, context, in: store)
        // Refuse what cannot be sold before starting a session, so a failed add leaves no row
        // behind. A shopper who has a session needs no such check: the change itself checks
        // inside its transaction (and there counts the units the session's own order holds).
        if found == nil { try CartFailure.checkSellable(sku, in: store) }
        let cart = try ShopperSession.keepOrStart(found, request, context, in: store)
        let change = try CartFailure.mapped {
            try store.addToCart(
                sku, quantity: quantity, in: cart.session, now: context.clock.now(), maxPerLine: context.config.cart.maxPerLine,
                maxLines: context.config.cart.maxLines)
        }
        context.record(AnalyticsEvent(.cartAdd, detail: sku, amount: Int64(quantity)), for: request)
        return try answer(request, context, store, cart, notice: CartNotice(after: change, added: true))
    }

    static func update(_ request: Request, _ context: FunctionContext) throws -> Response {
        let fields = try request.fields()
        let sku = try CartInput.sku(fields)
        let quantity = try CartInput.quantity(fields, in: 0...context.config.cart.maxPerLine)
        let store = try context.store()
        let cart = try checkedSession(request, fields, context, store)
        let change = try CartFailure.mapped {
            try store.setCartQuantity(
                sku, to: quantity, in: cart.session, now: context.clock.now(), maxPerLine: context.config.cart.maxPerLine,
                maxLines: context.config.cart.maxLines)
        }
        return try answer(request, context, store, cart, notice: CartNotice(after: change, added: false))
    }

    static func remove(_ request: Request, _ context: FunctionContext) throws -> Response {
        let fields = try request.fields()
        let sku = try CartInput.sku(fields)
        let store = try context.store()
        let cart = try checkedSession(request, fields, context, store)
        _ = try store.removeFromCart(sku, in: cart.session)
        return try answer(request, context, store, cart, notice: CartNotice(kind: .removed, sku: sku))
    }

    /// Updates and removals come from the cart page, which the function rendered: they must
    /// carry its form token.
    private static func checkedSession(
        _ request: Request, _ fields: Fields, _ context: FunctionContext, _ store: Store
    ) throws -> ShopperSession {
        let cart = try ShopperSession.find(request, context, in: store)
        try FormToken.check(request, fields, sessionHash: cart?.tokenHash, key: context.secrets.sessionKey)
        guard let cart else { throw HTTPError(403, "Your cart has expired. Please add the items again.", log: "no session") }
        return cart
    }

    /// 303 to the cart page with the notice for a form; the cart and the notice for JSON.
    private static func answer(
        _ request: Request, _ context: FunctionContext, _ store: Store, _ cart: ShopperSession, notice: CartNotice
    ) throws -> Response {
        var response: Response
        if request.wantsJSON {
            let view = CartView(lines: try store.cartLines(in: cart.session), token: cart.formToken(context), context: context)
            response = .json(.object([("cart", view.json), ("notice", notice.json(in: view))]))
        } else {
            response = .redirect(to: "/fn/cart?" + notice.query)
        }
        if let cookie = cart.cookie { response.setHeader("Set-Cookie", cookie) }
        return response
    }
}

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
        // The session is found, extended or started in the add's own transaction: an add that
        // is refused (an unknown SKU, sold out) leaves no new session behind.
        let (change, cart) = try ShopperSession.claiming(request, context) { claim in
            let added = try CartFailure.mapped {
                try store.addToCart(
                    sku, quantity: quantity, claiming: claim, now: context.clock.now(), maxPerLine: context.config.cart.maxPerLine,
                    maxLines: context.config.cart.maxLines)
            }
            return (added.change, added.session)
        }
        // What went into the cart: an add the stock or the per-line limit cut counts the units it
        // added, and one that added none (the line was full) is no add at all.
        let added = change.quantity - (change.requested - quantity)
        if added > 0 { context.record(AnalyticsEvent(.cartAdd, detail: sku, amount: Int64(added)), for: request) }
        return try answer(request, context, store, cart, notice: CartNotice(after: change, added: true))
    }

    static func update(_ request: Request, _ context: FunctionContext) throws -> Response {
        let fields = try request.fields()
        let sku = try CartInput.sku(fields)
        let quantity = try CartInput.quantity(fields, in: 0...context.config.cart.maxPerLine)
        return try set(sku, to: quantity, request, fields, context, notice: { change in CartNotice(after: change, added: false) })
    }

    static func remove(_ request: Request, _ context: FunctionContext) throws -> Response {
        let fields = try request.fields()
        let sku = try CartInput.sku(fields)
        return try set(sku, to: 0, request, fields, context, notice: { _ in CartNotice(kind: .removed, sku: sku) })
    }

    /// Updates and removals come from the cart page, which the function rendered: they must
    /// carry its form token. The session is looked up in the change's own transaction.
    private static func set(
        _ sku: String, to quantity: Int, _ request: Request, _ fields: Fields, _ context: FunctionContext,
        notice: (CartChange) -> CartNotice
    ) throws -> Response {
        let store = try context.store()
        let (change, cart) = try ShopperSession.changing(request, fields, context, expired: expired) { hash in
            let settled = try CartFailure.mapped {
                try store.setCartQuantity(
                    sku, to: quantity, inSessionOf: hash, now: context.clock.now(), maxPerLine: context.config.cart.maxPerLine,
                    maxLines: context.config.cart.maxLines)
            }
            return settled.map { ($0.change, $0.session) }
        }
        return try answer(request, context, store, cart, notice: notice(change))
    }

    /// The answer to an update or removal from a cart page whose session has expired since: its
    /// lines are gone with it, which "reload the page" would not explain.
    static let expired = HTTPError(403, "Your cart has expired. Please add the items again.", log: "no live session for the cookie")

    /// 303 to the cart page with the notice for a form; the cart and the notice for JSON.
    private static func answer(
        _ request: Request, _ context: FunctionContext, _ store: Store, _ cart: ShopperSession, notice: CartNotice
    ) throws -> Response {
        var response: Response
        if request.wantsJSON {
            let view = CartView(lines: try store.cartLines(in: cart.session), token: cart.formToken(context), context: context)
            var json = JSONWriter()
            json.beginObject()
            json.key("cart")
            json.beginObject()
            view.writeMembers(to: &json)
            json.endObject()
            json.key("notice")
            notice.write(in: view, to: &json)
            json.endObject()
            response = .json(json)
        } else {
            response = .redirect(to: notice.location)
        }
        if let cookie = cart.cookie { response.setHeader("Set-Cookie", cookie) }
        return response
    }
}

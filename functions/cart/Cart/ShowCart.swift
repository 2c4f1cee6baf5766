import ShelfConfig
import ShelfCore
import ShelfHTTP
import ShelfStore

/// The cart page and `cart.json`. Reading the cart never creates a session.
enum ShowCart {
    static func page(_ request: Request, _ context: FunctionContext) throws -> Response {
        if request.wantsJSON { return try json(request, context) }
        let (view, pricing) = try pricedCart(request, context)
        var values = view.values
        if let notice = CartNotice(query: try request.queryFields()) {
            let (tone, text) = notice.message(in: view, maxPerLine: view.maxPerLine)
            values["notice"] = ["tone": tone, "text": text, "is_warning": tone == "warning"] as [String: Any]
        }
        if var cart = values["cart"] as? [String: Any], view.subtotal != nil {
            cart["code_action"] = "/fn/checkout/code?return=cart"
            cart.merge(pricing.values) { _, new in new }
            if let error = DiscountError.message(code: try request.queryFields().optional("code_error")) { cart["code_error"] = error }
            values["cart"] = cart
        }
        let html = try context.pages().render("cart", title: "Your cart", path: "/fn/cart", values: values)
        return .html(html)
    }

    /// The cart's JSON with its discounts and total at this moment, written straight as bytes.
    static func json(_ request: Request, _ context: FunctionContext) throws -> Response {
        let (view, pricing) = try pricedCart(request, context)
        var json = JSONWriter()
        json.beginObject()
        view.writeMembers(to: &json)
        pricing.writeMembers(to: &json)
        json.endObject()
        return .json(json)
    }

    /// The cart with its discounts and total, read together: the session with its lines and
    /// its checkout's code, and the campaigns running, are two questions, and on SQLite each
    /// asked alone would take and release the database's locks.
    private static func pricedCart(_ request: Request, _ context: FunctionContext) throws -> (CartView, CartPricing) {
        let store = try context.store()
        return try store.read {
            let (view, checkoutCode) = try cartView(request, context, store)
            return (view, try CartPricing(context, checkoutCode: checkoutCode, lines: view.lines))
        }
    }

    /// The cart and the code of its session's checkout in progress (nil: none, or no session),
    /// from one query.
    private static func cartView(
        _ request: Request, _ context: FunctionContext, _ store: Store
    ) throws -> (CartView, checkoutCode: String?) {
        guard let (shopper, lines, checkoutCode) = try ShopperSession.findWithCart(request, context, in: store) else {
            return (CartView(lines: [], token: nil, context: context), nil)
        }
        return (CartView(lines: lines, token: shopper.formToken(context), context: context), checkoutCode)
    }
}

import ShelfConfig
import ShelfCore
import ShelfHTTP
import ShelfStore

/// The cart page and `cart.json`. Reading the cart never creates a session.
enum ShowCart {
    static func page(_ request: Request, _ context: FunctionContext) throws -> Response {
        let view = try cartView(request, context)
        if request.wantsJSON { return .json(view.json) }
        var values = view.values
        if let notice = CartNotice(query: try request.queryFields()) {
            let (tone, text) = notice.message(in: view, maxPerLine: view.maxPerLine)
            values["notice"] = ["tone": tone, "text": text, "is_warning": tone == "warning"] as [String: Any]
        }
        if var cart = values["cart"] as? [String: Any], let subtotal = view.subtotal {
            cart["code_action"] = "/fn/checkout/code?return=cart"
            if let code = try appliedCode(request, context, subtotal: subtotal) {
                let discount = code.discount(on: subtotal)
                cart["code"] = code.code
                cart["discount"] = context.prices.string(discount)
                cart["total"] = context.prices.string(subtotal - discount)
            } else {
                cart["total"] = context.prices.string(subtotal)
            }
            if let error = DiscountError.message(code: try request.queryFields().optional("code_error")) { cart["code_error"] = error }
            values["cart"] = cart
        }
        let html = try context.pages().render("cart", title: "Your cart", path: "/fn/cart", values: values)
        return .html(html)
    }

    /// The code of the shopper's checkout in progress, if it applies to this subtotal today.
    private static func appliedCode(_ request: Request, _ context: FunctionContext, subtotal: Money) throws -> DiscountCode? {
        let store = try context.store()
        guard let shopper = try ShopperSession.find(request, context, in: store),
            let typed = try store.checkoutDraft(in: shopper.session)?.code
        else { return nil }
        return try? DiscountCode.find(
            typed, in: context.config.checkout.codes, subtotal: subtotal, today: CalendarDay.of(context.clock.now()))
    }

    static func json(_ request: Request, _ context: FunctionContext) throws -> Response {
        .json(try cartView(request, context).json)
    }

    private static func cartView(_ request: Request, _ context: FunctionContext) throws -> CartView {
        guard let (cart, lines) = try ShopperSession.findWithCart(request, context, in: try context.store()) else {
            return CartView(lines: [], token: nil, context: context)
        }
        return CartView(lines: lines, token: cart.formToken(context), context: context)
    }
}

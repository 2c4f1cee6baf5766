import ShelfConfig
import ShelfCore
import ShelfHTTP
import ShelfStore

/// Applies (or, with an empty code, removes) a discount code, from the cart page or a step.
enum CodeForm {
    /// Where to go back after the form, by name: never a URL from the request.
    static let returns = [
        "cart": "/fn/cart", "address": "/fn/checkout", "shipping": "/fn/checkout/shipping", "payment": "/fn/checkout/payment",
    ]

    static func submit(_ request: Request, _ context: FunctionContext) throws -> Response {
        let store = try context.store()
        guard let shopper = try ShopperSession.find(request, context, in: store) else { return .redirect(to: "/fn/cart") }
        let fields = try request.fields()
        try FormToken.check(request, fields, sessionHash: shopper.tokenHash, key: context.formTokenKey)
        let back = returns[try request.queryFields().optional("return") ?? "cart"] ?? "/fn/cart"
        var draft = try store.checkoutDraft(in: shopper.session) ?? CheckoutDraft()
        let typed = (try fields.optional("code") ?? "").trimmingSpaces
        if typed.isEmpty {
            draft.code = nil
        } else {
            let lines = try store.cartLines(in: shopper.session)
            do {
                draft.code = try store.acceptCode(
                    typed, configCodes: context.config.checkout.codes, lines: lines, now: context.clock.now(),
                    currency: context.config.currency)
            } catch let error as DiscountError {
                let message = "The code \(typed.uppercased()) cannot be used: \(reason(error, prices: context.prices))"
                if request.wantsJSON { throw HTTPError(422, message) }
                return .redirect(to: back + (back.contains("?") ? "&" : "?") + "code_error=" + error.code)
            }
        }
        try store.saveCheckoutDraft(draft, in: shopper.session, now: context.clock.now())
        if request.wantsJSON { return .json(.object([("code", draft.code.map { .string($0) } ?? .null)])) }
        return .redirect(to: back)
    }

    /// Why a code was refused, for the shopper.
    static func reason(_ error: DiscountError, prices: PriceFormatter) -> String {
        switch error {
        case .unknown: "we don't know this code."
        case .expired(_, let day): "it ended on \(day)."
        case .belowMinimum(_, let minimum): "it needs a subtotal of at least \(prices.string(minimum))."
        case .notStarted: "it does not work yet."
        case .usedUp: "it has been used up."
        case .notForCart: "it does not apply to anything in your cart."
        }
    }
}

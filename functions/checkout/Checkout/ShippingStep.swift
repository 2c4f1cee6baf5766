import ShelfConfig
import ShelfCore
import ShelfHTTP
import ShelfStore

/// Step 2: the shipping methods to the shopper's country, each with its price for this cart.
enum ShippingStep {
    static func show(_ request: Request, _ context: FunctionContext) throws -> Response {
        switch try CheckoutState.load(request, context) {
        case .elsewhere(let response): return response
        case .ready(let state):
            guard state.hasAddress else { return .redirect(to: "/fn/checkout") }
            return try render(state)
        }
    }

    static func submit(_ request: Request, _ context: FunctionContext) throws -> Response {
        guard case .ready(var state) = try CheckoutState.load(request, context) else { return .redirect(to: "/fn/cart") }
        let fields = try request.fields()
        try state.checkToken(fields, request)
        guard state.hasAddress else { return .redirect(to: "/fn/checkout") }
        // Only an id of a method that ships there is taken; its price comes from shelf.toml.
        let id = try fields.optional("shipping") ?? ""
        guard state.shippingMethods.contains(where: { $0.id == id }) else {
            state.notice = "Choose one of the shipping methods below."
            return try render(state, status: 422)
        }
        state.draft.shippingID = id
        try state.save()
        context.record(AnalyticsEvent(.checkoutStep, detail: "shipping"), for: request)
        return .redirect(to: "/fn/checkout/payment")
    }

    static func render(_ state: CheckoutState, status: Int = 200) throws -> Response {
        let discounted = state.subtotal - (state.code?.discount(on: state.subtotal) ?? .zero(state.currency))
        let methods = state.shippingMethods.map { method -> [String: Any] in
            let price = method.price(for: discounted)
            return [
                "id": method.id, "name": method.name, "delivery": method.delivery,
                "price": price.minorUnits == 0 ? "Free" : state.context.prices.string(price),
                "checked": method.id == (state.draft.shippingID ?? state.shippingMethods.first?.id),
            ]
        }
        let country = CountryNames.name(of: state.draft.address.country) ?? state.draft.address.country
        return try CheckoutPage.render(.shipping, state, values: ["shipping_methods": methods, "ship_to": country], status: status)
    }
}

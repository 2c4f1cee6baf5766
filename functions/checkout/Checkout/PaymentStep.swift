import ShelfConfig
import ShelfCore
import ShelfHTTP
import ShelfStore

/// Step 3: the review, and the button that places the order. Placing reserves the stock in the
/// same transaction (or refuses the whole order and sends the shopper back to the cart with the
/// lines that changed), then hands the shopper to the payment provider.
enum PaymentStep {
    static func show(_ request: Request, _ context: FunctionContext) throws -> Response {
        switch try CheckoutState.load(request, context) {
        case .elsewhere(let response): return response
        case .ready(let state):
            guard state.hasAddress else { return .redirect(to: "/fn/checkout") }
            guard state.shippingMethod != nil else { return .redirect(to: "/fn/checkout/shipping") }
            return try render(state)
        }
    }

    static func submit(_ request: Request, _ context: FunctionContext) throws -> Response {
        guard case .ready(let state) = try CheckoutState.load(request, context) else { return try afterPlacing(request, context) }
        let fields = try request.fields()
        try state.checkToken(fields, request)
        // A code that stopped working since the review was shown changes the total: show the new
        // one instead of charging it unseen.
        if state.notice != nil, state.hasAddress, state.shippingMethod != nil { return try render(state, status: 409) }
        guard state.hasAddress, let method = state.shippingMethod else {
            // A press can read the cart before another press of the same button placed the
            // order, and the draft (its shipping method cleared by that order) after: when the
            // cart is gone by now, this press gets the order's page too.
            if try state.store.cartLines(in: state.shopper.session).isEmpty { return try afterPlacing(request, context) }
            return .redirect(to: state.hasAddress ? "/fn/checkout/shipping" : "/fn/checkout")
        }
        // Every amount is computed here from the catalogue, shelf.toml and the code; the form
        // carries none of them, and anything else it sends is ignored.
        let quote = state.quote
        let provider = state.settings.payments.provider
        let draft = OrderDraft(
            lines: state.lines.map(OrderDraft.Line.init), address: state.draft.address, shippingMethodID: method.id,
            shippingName: method.name, amounts: OrderAmounts(quote, discountCode: state.discounts.code), provider: provider.rawValue,
            sessionID: state.shopper.session.id, discounts: state.discounts.used)
        let order: Order
        do {
            order = try state.store.placeOrder(draft, now: context.clock.now(), holdFor: Payments.holdSeconds(context))
        } catch OrderError.short(let lines) {
            return try sendBackToCart(lines, state)
        } catch OrderError.cartChanged {
            return try afterPlacing(request, context)
        } catch OrderError.discountUnavailable(let name) {
            return try dropDiscount(name, state, request)
        } catch OrderError.priceChanged, OrderError.unavailable {
            var changed = state
            changed.notice = "Some prices or items changed since you opened this page. Please check the order again."
            return try render(changed, status: 409)
        }
        context.record(
            AnalyticsEvent(.checkoutStep, detail: "payment", amount: order.amounts.total.minorUnits, orderID: order.id), for: request)
        return try Payments.start(order, context)
    }

    /// A discount that ended or was used up while the shopper was at this step: its code is
    /// dropped and the review shown again with the new total, before anything is charged.
    static func dropDiscount(_ name: String, _ state: CheckoutState, _ request: Request) throws -> Response {
        var draft = state.draft
        if draft.code == name { draft.code = nil }
        try state.store.saveCheckoutDraft(draft, in: state.shopper.session, now: state.context.clock.now())
        guard case .ready(var fresh) = try CheckoutState.load(request, state.context) else { return .redirect(to: "/fn/cart") }
        fresh.notice = "The discount \(name) has ended or has been used up. Please check the new total."
        return try render(fresh, status: 409)
    }

    /// How long after placing an order a repeated press of its button still leads to it.
    static let repeatWindow: Int64 = 600

    /// A press that finds the cart empty or changed under it: when this session just placed an
    /// order (a transfer order empties its cart, and a double click sends the form twice), its
    /// order page, the same answer the first press got; otherwise the cart.
    static func afterPlacing(_ request: Request, _ context: FunctionContext) throws -> Response {
        let store = try context.store()
        guard let shopper = try ShopperSession.find(request, context, in: store),
            let order = try store.latestOrder(ofSession: shopper.session.id, placedSince: context.clock.now() - repeatWindow)
        else { return .redirect(to: "/fn/cart") }
        return .redirect(to: OrderLink.path(order.number, key: context.secrets.sessionKey))
    }

    /// Fits the cart to what is left and shows it, naming the lines that changed.
    static func sendBackToCart(_ lines: [ShortLine], _ state: CheckoutState) throws -> Response {
        for line in lines {
            _ = try state.store.setCartQuantity(
                line.sku, to: max(0, line.available), in: state.shopper.session, now: state.context.clock.now(),
                maxPerLine: state.context.config.cart.maxPerLine)
        }
        let skus = lines.map(\.sku).joined(separator: ",")
        return .redirect(to: "/fn/cart?notice=stock-changed&sku=\(skus)")
    }

    static func render(_ state: CheckoutState, status: Int = 200) throws -> Response {
        let address = state.draft.address
        let method = state.shippingMethod
        let payments = state.settings.payments
        let (text, button) =
            switch payments.provider {
            case .test: ("You will pay on the test provider's page (TEST MODE: no real money moves).", "Continue to payment")
            case .stripe: ("You will pay securely on Stripe's page; we never see your card.", "Continue to payment")
            case .manual: (payments.manualInstructions, "Place order")
            }
        let values: [String: Any] = [
            "review": [
                "email": address.email, "address": address.lines.joined(separator: ", "),
                "shipping": method.map { "\($0.name) · \($0.delivery)" } ?? "",
            ],
            "payment": ["text": text, "button": button],
        ]
        return try CheckoutPage.render(.payment, state, values: values, status: status)
    }
}

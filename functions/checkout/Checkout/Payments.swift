import ShelfConfig
import ShelfCore
import ShelfHTTP
import ShelfPayments
import ShelfStore

/// Hands a placed order to the store's payment provider and answers with where the shopper goes.
enum Payments {
    /// Stripe closes a Checkout Session no sooner than 30 minutes after creating it; the stock
    /// must stay reserved at least as long as the page can still take money.
    static func holdSeconds(_ context: FunctionContext) -> Int64 {
        let configured = Int64(context.config.checkout.reservationMinutes) * 60
        switch context.config.checkout.payments.provider {
        case .stripe: return max(configured, 31 * 60)
        case .manual: return max(configured, 7 * 86_400)
        case .test: return configured
        }
    }

    /// 303 to the provider's page (test, Stripe) or to the order page (manual).
    static func start(_ order: Order, _ context: FunctionContext) throws -> Response {
        let store = try context.store()
        let now = context.clock.now()
        let link = OrderLink.path(order.number, key: context.secrets.sessionKey)
        switch context.config.checkout.payments.provider {
        case .manual:
            return .redirect(to: link)
        case .test:
            let attempt = try store.startPaymentAttempt(order.id, provider: "test", now: now)
            let provider = TestProvider(sessionKey: context.secrets.sessionKey)
            let token = provider.session(
                for: paymentOrder(order, try lines(of: order, store), taxName: context.config.checkout.taxName), attempt: attempt.number)
            try store.setPaymentReference(attempt, reference: "ts_\(order.number)_\(attempt.number)", now: now)
            return .redirect(to: "/fn/checkout/test-pay?s=\(token)")
        case .stripe:
            guard let key = context.secrets.value("stripe_secret_key") else {
                throw HTTPError(503, "Payments are not available right now.", log: "stripe_secret_key is missing from the secrets file")
            }
            let attempt = try store.startPaymentAttempt(order.id, provider: "stripe", now: now)
            let stripe = StripeCheckout(client: StripeClient(api: context.config.checkout.payments.stripeAPI, secretKey: key))
            let base = context.config.baseURL
            do {
                let session = try stripe.createSession(
                    for: paymentOrder(order, try lines(of: order, store), taxName: context.config.checkout.taxName),
                    attempt: attempt.number, successURL: base + link,
                    cancelURL: base + link)
                try store.setPaymentReference(attempt, reference: session.id, now: now)
                return Response(status: 303, headers: [("Location", session.url)])
            } catch let error as PaymentError {
                throw HTTPError(
                    503, "We could not reach the payment provider. Your items stay reserved for a while: try again from your order page.",
                    log: "order \(order.number): \(error)")
            }
        }
    }

    static func lines(of order: Order, _ store: Store) throws -> [OrderLine] {
        try store.order(order.id)?.lines ?? []
    }

    /// The order as a provider needs it.
    static func paymentOrder(_ order: Order, _ lines: [OrderLine], taxName: String) -> PaymentOrder {
        let amounts = order.amounts
        return PaymentOrder(
            number: order.number.description, email: order.address.email,
            lines: lines.map {
                PaymentOrder.Line(
                    name: $0.options.isEmpty ? $0.title : "\($0.title) (\($0.options))", unitPrice: $0.unitPrice, quantity: $0.quantity)
            },
            shippingName: order.shippingName, shipping: amounts.shipping, discount: amounts.discount, discountCode: amounts.discountCode,
            addedTax: amounts.taxMode == .exclusive ? amounts.tax : .zero(amounts.currency), taxName: taxName, total: amounts.total,
            expiresAt: order.reservedUntil ?? (order.createdAt + 1800))
    }
}

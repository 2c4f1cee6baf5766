import ShelfConfig
import ShelfCore
import ShelfHTTP
import ShelfPayments
import ShelfStore

/// The test provider's hosted payment page, clearly marked TEST MODE. A test card that pays
/// produces a signed `checkout.session.completed` event, which goes through the same webhook
/// code as Stripe's before the shopper is sent back to the order page.
enum TestPaymentPage {
    static func show(_ request: Request, _ context: FunctionContext) throws -> Response {
        let token = try request.queryFields().optional("s") ?? ""
        return try render(try session(token, context), token: token, error: nil, context)
    }

    static func submit(_ request: Request, _ context: FunctionContext) throws -> Response {
        guard context.config.checkout.payments.provider == .test else {
            throw HTTPError(404, "There is nothing at this address.", log: "test payment page while the provider is not test")
        }
        let fields = try request.fields()
        let token = try fields.required("session")
        let session = try session(token, context)
        guard let number = OrderNumber(parsing: session.number) else { throw HTTPError(400, "This payment page is not valid.") }
        switch TestProvider.charge(card: try fields.optional("card") ?? "") {
        case .invalid(let message):
            return try render(session, token: token, error: message, context, status: 422)
        case .declined(let message):
            let store = try context.store()
            _ = try store.recordPaymentFailure(
                number.id, provider: "test", reference: session.id, reason: "card declined (test card 4000 0000 0000 0002)", eventID: nil,
                now: context.clock.now())
            return try render(session, token: token, error: message, context, status: 402)
        case .approved:
            let provider = TestProvider(sessionKey: context.secrets.sessionKey)
            let body = provider.completedEvent(session, eventID: "evt_test_" + SessionCookie.newToken(context.random).prefix(24))
            let signature = WebhookSignature.header(for: body, secret: provider.webhookSecret, at: context.clock.now())
            try Webhooks.receive(body, signature: signature, secret: provider.webhookSecret, provider: "test", context)
            return .redirect(to: OrderLink.path(number, key: context.secrets.sessionKey))
        }
    }

    private static func session(_ token: String, _ context: FunctionContext) throws -> TestProvider.Session {
        guard context.config.checkout.payments.provider == .test,
            let session = TestProvider(sessionKey: context.secrets.sessionKey).open(token, now: context.clock.now())
        else {
            throw HTTPError(
                404, "This payment page has expired. Go back to your order to try again.", log: "test session invalid or expired")
        }
        return session
    }

    private static func render(
        _ session: TestProvider.Session, token: String, error: String?, _ context: FunctionContext, status: Int = 200
    ) throws -> Response {
        let amount =
            (try? Currency(code: session.currency.uppercased())).map {
                context.prices.string(Money(minorUnits: session.amount, currency: $0))
            } ?? "\(session.amount)"
        var payment: [String: Any] = [
            "amount": amount, "number": session.number, "session": token, "action": "/fn/checkout/test-pay",
            "cancel_url": OrderNumber(parsing: session.number).map { OrderLink.path($0, key: context.secrets.sessionKey) } ?? "/fn/cart",
        ]
        if let error { payment["error"] = error }
        let html = try context.pages().render(
            "test-payment", title: "Test payment", path: "/fn/checkout/test-pay", values: ["payment": payment])
        return .html(html, status: status)
    }
}

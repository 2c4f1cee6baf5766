import ShelfConfig
import ShelfCore
import ShelfHTTP
import ShelfPayments
import ShelfStore

/// Signed notifications from the payment provider: the only way an order becomes paid.
///
/// The signature is checked first (Stripe's scheme for both Stripe and the test provider), then
/// the event is applied at most once per event id; an event whose order, amount or currency do
/// not match is refused with 400 and logged. A 2xx tells the provider to stop retrying. Only the
/// store's configured provider has a webhook, and an event acts only on orders of its provider.
enum Webhooks {
    static func stripe(_ request: Request, _ context: FunctionContext) throws -> Response {
        try requireProvider(.stripe, context)
        guard let secret = context.secrets.value("stripe_webhook_secret") else {
            throw HTTPError(503, "Not configured.", log: "stripe_webhook_secret is missing from the secrets file")
        }
        try receive(request.body, signature: request.header("stripe-signature"), secret: secret, provider: "stripe", context)
        return .json(.object([("received", .bool(true))]))
    }

    static func test(_ request: Request, _ context: FunctionContext) throws -> Response {
        try requireProvider(.test, context)
        let secret = TestProvider(sessionKey: context.secrets.sessionKey).webhookSecret
        try receive(request.body, signature: request.header("stripe-signature"), secret: secret, provider: "test", context)
        return .json(.object([("received", .bool(true))]))
    }

    /// Answers 404, as for any address the store does not have, unless `provider` is the store's.
    private static func requireProvider(_ provider: CheckoutSettings.Provider, _ context: FunctionContext) throws {
        guard context.config.checkout.payments.provider == provider else {
            throw HTTPError(
                404, "There is nothing at this address.",
                log: "\(provider.rawValue) webhook refused: the store's provider is \(context.config.checkout.payments.provider.rawValue)")
        }
    }

    /// Verifies and applies one event.
    static func receive(_ body: [UInt8], signature: String?, secret: String, provider: String, _ context: FunctionContext) throws {
        let now = context.clock.now()
        do {
            try WebhookSignature.verify(header: signature, body: body, secret: secret, now: now)
        } catch {
            throw HTTPError(400, "Invalid signature.", log: "\(provider) webhook refused: signature \(error)")
        }
        let event: StripeEvent
        do {
            event = try StripeEvent.parse(body)
        } catch {
            throw HTTPError(400, "Not an event.", log: "\(provider) webhook: \(error)")
        }
        let store = try context.store()
        switch event.change {
        case .paid(let number, let session, let paymentIntent, let amount, let currency):
            let order = try order(number, of: provider, event, store)
            guard let paidCurrency = try? Currency(code: currency.uppercased()) else {
                throw HTTPError(400, "Unknown currency.", log: "\(event.id): currency \(currency)")
            }
            let confirmation = PaymentConfirmation(
                provider: provider, reference: session, amount: Money(minorUnits: amount, currency: paidCurrency), eventID: event.id,
                charge: paymentIntent)
            let outcome: PaymentOutcome
            do {
                outcome = try store.markPaid(order.id, payment: confirmation, now: now)
            } catch let error as OrderError {
                throw HTTPError(400, "Refused.", log: "\(event.id) for order \(number) refused: \(error)")
            }
            switch outcome {
            case .paid, .paidButShort: context.recordOrderEvent(.paid, orderID: order.id, amount: amount)
            default: break
            }
            if outcome == .paidAfterCancellation || outcome == .paidAgain {
                context.log("order \(number) was paid after cancellation or twice (\(event.id)): refund it")
            }
        case .failed(let number, let session):
            // A delayed payment (a bank debit) that failed for good: the order cannot be paid
            // any more, so its stock goes back now. A late event for a paid order changes nothing.
            let order = try order(number, of: provider, event, store)
            if try store.recordPaymentFailure(
                order.id, provider: provider, reference: session, reason: event.type, eventID: event.id, now: now),
                order.status == .pendingPayment
            {
                try store.cancelOrder(order.id, now: now, note: "the payment failed (\(event.type))")
            }
        case .expired(let number, let session):
            // The page closed unpaid; the reservation ends at the same moment and expires lazily.
            let order = try order(number, of: provider, event, store)
            _ = try store.recordPaymentFailure(
                order.id, provider: provider, reference: session, reason: event.type, eventID: event.id, now: now)
        case .refunded(let number, let charge, let paymentIntent, let refunded, let currency):
            // The event says how much of the charge is refunded in all; the store records the part
            // not recorded yet (a refund made with shelf orders refund is recorded already). A
            // verified event that does not fit is acknowledged and logged: retrying cannot fix it.
            guard let number else {
                context.log("\(event.id): charge \(charge) refunded without an order in its metadata; record it with shelf orders refund")
                break
            }
            guard let refundCurrency = try? Currency(code: currency.uppercased()) else {
                context.log("\(event.id): refund of order \(number) in an unknown currency \(currency); nothing recorded")
                break
            }
            let details = try order(number, of: provider, event, store)
            let outcome = try store.recordProviderRefund(
                details.id, charge: paymentIntent, totalRefunded: Money(minorUnits: refunded, currency: refundCurrency),
                reference: "\(charge):\(refunded)", now: now)
            if case .recorded(let part) = outcome {
                context.recordOrderEvent(.refunded, orderID: details.id, amount: part.minorUnits)
            }
            if case .refused(let reason) = outcome {
                context.log("\(event.id): refund of order \(number) not recorded: \(reason); check it in the provider's dashboard")
            }
        case .pending, .ignored:
            break
        }
    }

    /// The order an event names, when it was placed for payment through `provider`.
    private static func order(_ number: String, of provider: String, _ event: StripeEvent, _ store: Store) throws -> Order {
        guard let parsed = OrderNumber(parsing: number), let details = try store.order(parsed.id) else {
            throw HTTPError(400, "Unknown order.", log: "\(event.id) names order \(number), which does not exist")
        }
        guard details.order.provider == provider else {
            throw HTTPError(
                400, "Unknown order.",
                log: "\(event.id) from \(provider) names order \(number), which is paid through \(details.order.provider)")
        }
        return details.order
    }
}

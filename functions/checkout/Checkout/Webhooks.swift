import ShelfConfig
import ShelfCore
import ShelfHTTP
import ShelfPayments
import ShelfStore

/// Signed notifications from the payment provider: the only way an order becomes paid.
///
/// The signature is checked first (Stripe's scheme for both Stripe and the test provider), then
/// the event is applied at most once per event id; an event whose order, amount or currency do
/// not match is refused with 400 and logged. A 2xx tells the provider to stop retrying.
enum Webhooks {
    static func stripe(_ request: Request, _ context: FunctionContext) throws -> Response {
        guard let secret = context.secrets.value("stripe_webhook_secret") else {
            throw HTTPError(503, "Not configured.", log: "stripe_webhook_secret is missing from the secrets file")
        }
        try receive(request.body, signature: request.header("stripe-signature"), secret: secret, provider: "stripe", context)
        return .json(.object([("received", .bool(true))]))
    }

    static func test(_ request: Request, _ context: FunctionContext) throws -> Response {
        let secret = TestProvider(sessionKey: context.secrets.sessionKey).webhookSecret
        try receive(request.body, signature: request.header("stripe-signature"), secret: secret, provider: "test", context)
        return .json(.object([("received", .bool(true))]))
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
        case .paid(let number, let session, _, let amount, let currency):
            let order = try order(number, event, store)
            guard let paidCurrency = try? Currency(code: currency.uppercased()) else {
                throw HTTPError(400, "Unknown currency.", log: "\(event.id): currency \(currency)")
            }
            let confirmation = PaymentConfirmation(
                provider: provider, reference: session, amount: Money(minorUnits: amount, currency: paidCurrency), eventID: event.id)
            let outcome: PaymentOutcome
            do {
                outcome = try store.markPaid(order.id, payment: confirmation, now: now)
            } catch let error as OrderError {
                throw HTTPError(400, "Refused.", log: "\(event.id) for order \(number) refused: \(error)")
            }
            switch outcome {
            case .paid, .paidButShort:
                if let sessionID = order.sessionID { try store.clearCheckout(sessionID: sessionID) }
            case .paidAfterCancellation, .paidAgain:
                context.log("order \(number) was paid after cancellation or twice (\(event.id)): refund it")
            case .alreadyPaid, .duplicate:
                break
            }
        case .failed(let number, let session):
            // A delayed payment (a bank debit) that failed for good: the order cannot be paid
            // any more, so its stock goes back now. A late event for a paid order changes nothing.
            let order = try order(number, event, store)
            if try store.recordPaymentFailure(
                order.id, provider: provider, reference: session, reason: event.type, eventID: event.id, now: now),
                order.status == .pendingPayment
            {
                try store.cancelOrder(order.id, now: now, note: "the payment failed (\(event.type))")
            }
        case .expired(let number, let session):
            // The page closed unpaid; the reservation ends at the same moment and expires lazily.
            let order = try order(number, event, store)
            _ = try store.recordPaymentFailure(
                order.id, provider: provider, reference: session, reason: event.type, eventID: event.id, now: now)
        case .refunded(let number, let charge, let refunded, _):
            // The event says how much is refunded in all; what is new is the part not recorded yet
            // (a refund made with shelf orders refund is recorded already).
            guard let number else {
                context.log("\(event.id): charge \(charge) refunded without an order in its metadata; record it with shelf orders refund")
                break
            }
            let details = try order(number, event, store)
            let recorded = try store.order(details.id)?.payments.reduce(Int64(0)) { $0 + $1.amounts.refunded } ?? 0
            if refunded > recorded {
                _ = try store.recordRefund(
                    details.id, amount: Money(minorUnits: refunded - recorded, currency: details.amounts.currency),
                    reference: "\(charge):\(refunded)", now: now)
            }
        case .pending, .ignored:
            break
        }
    }

    private static func order(_ number: String, _ event: StripeEvent, _ store: Store) throws -> Order {
        guard let parsed = OrderNumber(parsing: number), let details = try store.order(parsed.id) else {
            throw HTTPError(400, "Unknown order.", log: "\(event.id) names order \(number), which does not exist")
        }
        return details.order
    }
}

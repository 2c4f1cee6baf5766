import ShelfCore

/// A verified Stripe webhook event, reduced to what changes an order.
public struct StripeEvent: Sendable {
    /// `evt_…`: events are applied at most once per id.
    public var id: String
    public var type: String
    public var change: Change

    public enum Change: Sendable, Equatable {
        /// The order `number` was paid `amount` through session `session` (payment intent `paymentIntent`).
        case paid(number: String, session: String, paymentIntent: String?, amount: Int64, currency: String)
        /// The session completed but the money is still on its way (bank debits): wait.
        case pending(number: String, session: String)
        /// A delayed payment failed.
        case failed(number: String, session: String)
        /// The session expired unpaid.
        case expired(number: String, session: String)
        /// Part or all of a payment was refunded (the total refunded so far), in Stripe or by us;
        /// `number` is our order, from the metadata the session gave the payment, and
        /// `paymentIntent` the payment the charge belongs to.
        case refunded(number: String?, charge: String, paymentIntent: String?, amountRefunded: Int64, currency: String)
        /// An event Shelf does not act on.
        case ignored
    }

    /// Parses the event JSON; throws for JSON that is not an event.
    public static func parse(_ body: [UInt8]) throws(PaymentError) -> StripeEvent {
        guard let json = try? JSON.parse(body, maxDepth: 64), let id = json["id"]?.string, let type = json["type"]?.string,
            let object = json["data"]?["object"]
        else { throw .mismatch("the webhook body is not a Stripe event") }
        let number = object["client_reference_id"]?.string
        let session = object["id"]?.string
        let change: Change
        switch type {
        case "checkout.session.completed", "checkout.session.async_payment_succeeded":
            guard let number, let session else { throw .mismatch("\(type) \(id) without client_reference_id") }
            if object["payment_status"]?.string == "paid" {
                guard let amount = integer(object["amount_total"]), let currency = object["currency"]?.string else {
                    throw .mismatch("\(type) \(id) without amount_total or currency")
                }
                change = .paid(
                    number: number, session: session, paymentIntent: object["payment_intent"]?.string, amount: amount, currency: currency)
            } else {
                change = .pending(number: number, session: session)
            }
        case "checkout.session.async_payment_failed":
            guard let number, let session else { throw .mismatch("\(type) \(id) without client_reference_id") }
            change = .failed(number: number, session: session)
        case "checkout.session.expired":
            guard let number, let session else { throw .mismatch("\(type) \(id) without client_reference_id") }
            change = .expired(number: number, session: session)
        case "charge.refunded":
            guard let charge = object["id"]?.string, let refunded = integer(object["amount_refunded"]),
                let currency = object["currency"]?.string
            else { throw .mismatch("charge.refunded \(id) without id or amount_refunded") }
            change = .refunded(
                number: object["metadata"]?["order"]?.string, charge: charge, paymentIntent: object["payment_intent"]?.string,
                amountRefunded: refunded, currency: currency)
        default:
            change = .ignored
        }
        return StripeEvent(id: id, type: type, change: change)
    }

    private static func integer(_ value: JSON?) -> Int64? {
        if case .number(let text)? = value { Int64(text) } else { nil }
    }
}

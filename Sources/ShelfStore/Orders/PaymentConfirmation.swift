public import ShelfCore

/// What a provider says was paid: by which provider, its reference, how much, and the id of the
/// event that said so (a signed webhook's), by which repeated deliveries are recognised.
public struct PaymentConfirmation: Hashable, Sendable {
    public var provider: String
    /// The provider's id of the payment (a Stripe Checkout Session id); nil for a transfer the
    /// merchant confirms by hand.
    public var reference: String?
    public var amount: Money
    /// The webhook event's id; nil when the confirmation came another way (the merchant, or the
    /// provider's API re-read).
    public var eventID: String?
    /// The provider's id of the money taken (Stripe's payment intent), which its refund events
    /// name; nil when the provider gave none.
    public var charge: String?

    public init(provider: String, reference: String?, amount: Money, eventID: String? = nil, charge: String? = nil) {
        self.provider = provider
        self.reference = reference
        self.amount = amount
        self.eventID = eventID
        self.charge = charge
    }
}

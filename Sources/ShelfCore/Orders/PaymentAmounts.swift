/// The money of one payment in minor units, always with
/// `0 <= refunded <= captured <= authorized`; the schema enforces the same rule.
///
/// ```swift
/// let taken = PaymentAmounts(captured: 4990)
/// let after = try taken.refunding(1000)   // refunded 1000, refundable 3990
/// ```
public struct PaymentAmounts: Hashable, Sendable {
    /// What the provider agreed to take.
    public let authorized: Int64
    /// What it took.
    public let captured: Int64
    /// What was given back.
    public let refunded: Int64

    /// The amounts, or nil when they break the rule.
    public init?(authorized: Int64, captured: Int64, refunded: Int64) {
        guard 0 <= refunded, refunded <= captured, captured <= authorized else { return nil }
        self.authorized = authorized
        self.captured = captured
        self.refunded = refunded
    }

    /// A payment taken in full at once, as a hosted payment page does: authorized and captured.
    public init(captured: Int64) {
        precondition(captured >= 0, "a payment takes zero or more")
        self.authorized = captured
        self.captured = captured
        self.refunded = 0
    }

    /// What can still be refunded.
    public var refundable: Int64 { captured - refunded }

    /// These amounts after refunding `amount` more; throws ``OrderError/overRefund(requested:refundable:)``
    /// when `amount` is more than is refundable, ``OrderError/refundNotPositive(_:)`` when it is
    /// not positive.
    public func refunding(_ amount: Money) throws(OrderError) -> PaymentAmounts {
        guard amount.minorUnits > 0 else { throw .refundNotPositive(amount) }
        guard amount.minorUnits <= refundable else {
            throw .overRefund(requested: amount, refundable: Money(minorUnits: refundable, currency: amount.currency))
        }
        return PaymentAmounts(authorized: authorized, captured: captured, refunded: refunded + amount.minorUnits)!
    }

    /// The status of a captured payment with these amounts: refunded, partly or not at all.
    public var capturedStatus: PaymentStatus {
        if refunded == 0 { return .succeeded }
        return refunded == captured ? .refunded : .partiallyRefunded
    }
}

/// Where one payment attempt stands, stored as its raw value.
public enum PaymentStatus: String, CaseIterable, Hashable, Sendable {
    /// Started (a payment page was opened); no money yet.
    case pending
    /// The money was taken.
    case succeeded
    /// The provider declined or the shopper gave up.
    case failed
    /// Some of the money taken was given back.
    case partiallyRefunded = "partially_refunded"
    /// All of the money taken was given back.
    case refunded

    /// True once money was taken, whatever was refunded since.
    public var hasCaptured: Bool {
        self == .succeeded || self == .partiallyRefunded || self == .refunded
    }
}

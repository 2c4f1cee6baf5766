/// A payment attempt just started: its payment's id, and its number among the order's attempts.
///
/// ```swift
/// let attempt = try store.startPaymentAttempt(order.id, provider: "stripe", now: now)
/// let key = "shelf-\(order.number)-\(attempt.number)"   // the provider's Idempotency-Key
/// ```
public struct PaymentAttempt: Hashable, Sendable {
    /// The payment's id.
    public let id: Int64
    public let orderID: Int64
    /// 1 for the order's first attempt.
    public let number: Int
}

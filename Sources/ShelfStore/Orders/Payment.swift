public import ShelfCore

/// One attempt to pay an order, and the money it moved.
public struct Payment: Hashable, Sendable {
    public let id: Int64
    public var orderID: Int64
    public var provider: String
    /// The provider's id of the payment (a Stripe Checkout Session id), once known.
    public var reference: String?
    /// 1 for the order's first attempt; with the order number it makes an idempotency key.
    public var attempt: Int
    public var status: PaymentStatus
    public var amounts: PaymentAmounts
    public var currency: Currency
    public var createdAt: Int64
    public var updatedAt: Int64

    /// The columns ``init(_:)`` reads, for a query on `payments`.
    static let columns = """
        id, order_id, provider, reference, attempt, status, authorized_minor, captured_minor, refunded_minor,
        currency, created_at, updated_at
        """

    init(_ row: Row) throws {
        let status = try row.text("status")
        guard let parsed = PaymentStatus(rawValue: status) else { throw DatabaseError(message: "unknown payment status \"\(status)\"") }
        guard
            let amounts = PaymentAmounts(
                authorized: try row.int64("authorized_minor"), captured: try row.int64("captured_minor"),
                refunded: try row.int64("refunded_minor"))
        else { throw DatabaseError(message: "payment \(try row.int64("id")) has amounts that break the schema's rule") }
        id = try row.int64("id")
        orderID = try row.int64("order_id")
        provider = try row.text("provider")
        reference = try row.optionalText("reference")
        attempt = try row.int("attempt")
        self.status = parsed
        self.amounts = amounts
        currency = try row.currency("currency")
        createdAt = try row.int64("created_at")
        updatedAt = try row.int64("updated_at")
    }
}

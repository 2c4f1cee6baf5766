public import ShelfCore

/// Money given back from one payment.
public struct Refund: Hashable, Sendable {
    public let id: Int64
    public var paymentID: Int64
    public var amount: Money
    /// The provider's id of the refund, when it has one.
    public var reference: String?
    public var createdAt: Int64

    init(_ row: Row) throws {
        id = try row.int64("id")
        paymentID = try row.int64("payment_id")
        amount = try row.money("amount_minor", try row.currency("currency"))
        reference = try row.optionalText("reference")
        createdAt = try row.int64("created_at")
    }
}

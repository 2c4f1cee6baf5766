import ShelfCore

/// One email the store owes or sent: what to render, for whom, and how delivery went.
public struct OutboxMessage: Hashable, Sendable {
    public enum Status: String, CaseIterable, Hashable, Sendable {
        /// Waiting to be sent, now or at ``OutboxMessage/nextAttemptAt`` after a failure.
        case pending
        case sent
        /// Given up: refused outright by the mail server, or too many failed attempts.
        case failed
    }

    public var id: Int64
    /// The stable, unique part of the message's Message-ID (`1001.order-shipped.7.1764072000`):
    /// every attempt to send it, and a resend after a crash, is the same message.
    public var key: String {
        let order = orderID.map { "\(OrderNumber(id: $0))." } ?? ""
        return "\(order)\(email.rawValue).\(id).\(createdAt)"
    }
    public var email: Email
    public var orderID: Int64?
    public var recipient: String
    /// What the change that caused it carried (`shipment`, `amount`), for the template.
    public var data: [String: String]
    public var status: Status
    public var attempts: Int
    /// Unix seconds.
    public var nextAttemptAt: Int64
    /// The mail server's answer to the last failed attempt.
    public var lastError: String?
    /// The subject it was sent with; nil until it is.
    public var subject: String?
    public var createdAt: Int64
    public var sentAt: Int64?

    /// The columns ``init(_:)`` reads.
    static let columns = """
        id, template, order_id, recipient, data, status, attempts, next_attempt_at, last_error, subject, created_at, sent_at
        """

    init(_ row: Row) throws {
        let template = try row.text("template")
        guard let email = Email(rawValue: template) else { throw DatabaseError(message: "unknown email template \"\(template)\"") }
        let status = try row.text("status")
        guard let parsed = Status(rawValue: status) else { throw DatabaseError(message: "unknown outbox status \"\(status)\"") }
        id = try row.int64("id")
        self.email = email
        orderID = try row.optionalInt64("order_id")
        recipient = try row.text("recipient")
        data = try OutboxData.decode(try row.text("data"))
        self.status = parsed
        attempts = try row.int("attempts")
        nextAttemptAt = try row.int64("next_attempt_at")
        lastError = try row.optionalText("last_error")
        subject = try row.optionalText("subject")
        createdAt = try row.int64("created_at")
        sentAt = try row.optionalInt64("sent_at")
    }
}

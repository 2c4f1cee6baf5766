/// One address on the store's mailing list, with the newsletters (topics) it gets.
///
/// Only a `confirmed` subscriber receives anything beyond its confirmation emails: a campaign
/// picks the confirmed subscribers of its topic (``Store/confirmedSubscribers(topic:)``).
public struct Subscriber: Hashable, Sendable {
    public enum Status: String, CaseIterable, Hashable, Sendable {
        /// Asked, but has not followed a confirmation link yet.
        case pending
        case confirmed
        /// Unsubscribed from everything; a new sign-up needs a new confirmation.
        case unsubscribed
        /// A mail server refused the address for good (SMTP 5xx): suppressed, no campaign mail
        /// goes to it until it confirms again. Derived from ``Subscriber/bouncedAt``.
        case bounced
    }

    public var id: Int64
    /// Lower case, trimmed.
    public var email: String
    public var status: Status
    /// The topic ids it gets, sorted.
    public var topics: [String]
    public var createdAt: Int64
    public var confirmedAt: Int64?
    public var unsubscribedAt: Int64?
    /// When a mail server refused the address for good.
    public var bouncedAt: Int64?

    static let columns = "id, email, status, created_at, confirmed_at, unsubscribed_at, bounced_at"

    init(_ row: Row, topics: [String]) throws {
        let status = try row.text("status")
        guard let parsed = Status(rawValue: status) else { throw DatabaseError(message: "unknown subscriber status \"\(status)\"") }
        id = try row.int64("id")
        email = try row.text("email")
        bouncedAt = try row.optionalInt64("bounced_at")
        self.status = bouncedAt == nil ? parsed : .bounced
        self.topics = topics
        createdAt = try row.int64("created_at")
        confirmedAt = try row.optionalInt64("confirmed_at")
        unsubscribedAt = try row.optionalInt64("unsubscribed_at")
    }
}

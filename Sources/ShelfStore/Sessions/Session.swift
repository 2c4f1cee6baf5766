/// A shopper's session as the store knows it: a number and a lifetime in Unix seconds.
///
/// Only the store makes sessions (``Store/createSession(tokenHash:now:lifetime:)`` and
/// ``Store/session(tokenHash:now:)``), so holding one means its cookie was checked.
public struct Session: Sendable, Hashable {
    public let id: Int64
    public let createdAt: Int64
    /// The first second at which the session no longer counts.
    public let expiresAt: Int64
    /// The account logged in on it, when the row was read with its `customer_id`.
    public let customerID: Int64?

    init(id: Int64, createdAt: Int64, expiresAt: Int64, customerID: Int64? = nil) {
        self.id = id
        self.createdAt = createdAt
        self.expiresAt = expiresAt
        self.customerID = customerID
    }

    /// Reads a row of `sessions`; `customer_id` is optional in the result, since sessions are
    /// also started on stores older than accounts.
    init(_ row: Row) throws {
        self.init(
            id: try row.int64("id"), createdAt: try row.int64("created_at"), expiresAt: try row.int64("expires_at"),
            customerID: row.columns.contains("customer_id") ? try row.optionalInt64("customer_id") : nil)
    }
}

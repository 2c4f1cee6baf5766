/// Everything the merchant sees about one account: its row, its live sessions, its orders.
public struct CustomerDetails: Sendable, Hashable {
    public let customer: Customer
    /// Sessions logged in on the account that have not expired.
    public let liveSessions: Int
    /// The orders placed with the account's email, newest first; none while it is unconfirmed,
    /// since an unconfirmed address may not be the account holder's.
    public let orders: [OrderSummary]
}

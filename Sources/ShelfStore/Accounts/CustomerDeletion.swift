/// What deleting an account did: the sessions it ended, the orders it kept without personal
/// data, the emails it erased from the outbox.
public struct CustomerDeletion: Sendable, Hashable {
    /// What replaces the name, the address lines and the email of the account's orders: not an
    /// address, so nothing can be mailed to it.
    public static let placeholder = "deleted"

    /// The account as it was before it was deleted.
    public let customer: Customer
    public let sessionsEnded: Int
    /// The ids of the orders kept for accounting, their totals unchanged, with the name,
    /// address and email replaced by ``placeholder``.
    public let ordersKept: [Int64]
    /// Account emails (sent or pending) erased from the outbox, and order emails still pending
    /// that will not be sent.
    public let emailsErased: Int
    public let emailsCancelled: Int
}

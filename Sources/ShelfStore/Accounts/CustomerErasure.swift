/// What erasing an account did (``Store/eraseCustomer(_:now:)``): the sessions it ended, the
/// orders it kept without personal data, the emails it erased or cancelled.
public struct CustomerErasure: Sendable, Hashable {
    /// The account as it was before it was erased.
    public let customer: Customer
    public let sessionsEnded: Int
    /// The ids of the orders kept for accounting, their totals unchanged, their name, address,
    /// phone and email replaced by the placeholders of ``Store/ErasedOrder``.
    public let ordersKept: [Int64]
    /// Account emails (sent or pending) erased from the outbox.
    public let emailsErased: Int
    /// Order emails still pending that will not be sent.
    public let emailsCancelled: Int
}

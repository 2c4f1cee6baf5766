public import ShelfCore

/// The money a cancelled order gave back through its provider, recorded with the cancellation.
public struct CancellationRefund: Hashable, Sendable {
    public var amount: Money
    /// The provider's id of the refund (`re_…`), by which a repeated cancellation is recognised.
    public var reference: String

    public init(amount: Money, reference: String) {
        self.amount = amount
        self.reference = reference
    }
}

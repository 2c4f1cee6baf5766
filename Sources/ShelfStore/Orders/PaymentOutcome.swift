/// What ``Store/markPaid(_:payment:now:)`` did with a payment.
public enum PaymentOutcome: Hashable, Sendable {
    /// The order is paid and its stock allocated.
    case paid
    /// The order is paid, but it had expired and these SKUs could no longer be allocated: the
    /// merchant refunds them (the order's history says so too).
    case paidButShort([String])
    /// This payment was already recorded; nothing changed but the cart it paid for, emptied if
    /// it was still there.
    case alreadyPaid
    /// This webhook event was already processed; nothing changed.
    case duplicate
    /// The order was cancelled; the payment is recorded and must be refunded.
    case paidAfterCancellation
    /// The order was already paid by another payment; this one is recorded and must be refunded.
    case paidAgain
}

/// The emails the store sends, each named after its theme template (`emails/NAME.*.mustache`).
public enum Email: String, CaseIterable, Hashable, Sendable {
    /// The order is placed: paid by card, or awaiting a manual transfer with its instructions.
    case orderConfirmation = "order-confirmation"
    /// A manual transfer arrived for an order confirmed earlier.
    case paymentReceived = "payment-received"
    /// A parcel left, with its carrier and tracking numbers, and any lines refunded as missing.
    case orderShipped = "order-shipped"
    case orderDelivered = "order-delivered"
    case orderCancelled = "order-cancelled"
    case refundIssued = "refund-issued"
    /// The order's status link, asked for again from the store's footer form.
    case orderLink = "order-link"
}

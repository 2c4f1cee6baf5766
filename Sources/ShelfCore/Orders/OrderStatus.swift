/// Where an order stands, stored as its raw value.
///
/// Placed orders wait for payment (`pendingPayment` for a payment page, `awaitingPayment` for a
/// manual transfer) holding their stock reserved; a payment makes them `paid`, with the stock
/// allocated; the merchant or the clock can end them first (`cancelled`, `expired`), which gives
/// the stock back. A paid order leaves in one or more parcels (`partiallyShipped` until every
/// line has shipped or been found missing, then `shipped`) and arrives (`delivered`). The
/// database keeps the statuses in a table of their own, so a new one is one migration that
/// inserts its name.
public enum OrderStatus: String, CaseIterable, Hashable, Sendable {
    case pendingPayment = "pending_payment"
    case awaitingPayment = "awaiting_payment"
    case paid
    case cancelled
    case expired
    case partiallyShipped = "partially_shipped"
    case shipped
    case delivered

    /// True while the order waits for its money and holds its stock reserved.
    public var isAwaitingPayment: Bool {
        self == .pendingPayment || self == .awaitingPayment
    }

    /// True once a parcel has left: the order can no longer be cancelled, only refunded.
    public var hasShipped: Bool {
        self == .partiallyShipped || self == .shipped || self == .delivered
    }

    /// Whether an order in this status may move to `next`.
    ///
    /// A payment may still arrive after the reservation expired (the stock is then allocated if
    /// it is still there); a paid order may be cancelled, and the caller refunds it. A cancelled
    /// order stays cancelled even when money arrives late: that money is refunded.
    public func canChange(to next: OrderStatus) -> Bool {
        switch (self, next) {
        case (.pendingPayment, .paid), (.pendingPayment, .cancelled), (.pendingPayment, .expired): true
        case (.awaitingPayment, .paid), (.awaitingPayment, .cancelled), (.awaitingPayment, .expired): true
        case (.expired, .paid): true
        case (.paid, .cancelled): true
        case (.paid, .partiallyShipped), (.paid, .shipped), (.partiallyShipped, .partiallyShipped), (.partiallyShipped, .shipped): true
        case (.shipped, .delivered): true
        default: false
        }
    }
}

import ShelfCore

/// An order's status in the words a shopper reads in the order history.
enum OrderWords {
    static func status(_ status: OrderStatus) -> String {
        switch status {
        case .pendingPayment, .awaitingPayment: "Waiting for payment"
        case .paid: "Paid"
        case .cancelled: "Cancelled"
        case .expired: "Expired"
        case .partiallyShipped: "Partly shipped"
        case .shipped: "Shipped"
        case .delivered: "Delivered"
        }
    }
}

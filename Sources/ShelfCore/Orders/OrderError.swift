/// Why an order operation was refused, worded for the log and the merchant; a checkout shows
/// shoppers its own words for ``short(_:)``, ``priceChanged(_:)`` and ``unavailable(_:)``.
public enum OrderError: Error, Hashable, Sendable, CustomStringConvertible {
    /// No order has this id.
    case unknownOrder(Int64)
    /// The order's parts disagree (a line total, the subtotal, the total, a currency); nothing
    /// was written. A bug of the caller, which computes the amounts.
    case invalidDraft(String)
    /// These SKUs are unknown, unpublished or no longer sold.
    case unavailable([String])
    /// The catalogue's price of these SKUs is not the one the order was priced with.
    case priceChanged([String])
    /// The stock cannot cover these lines; nothing was reserved.
    case short([ShortLine])
    /// The session's cart no longer holds the draft's lines (another request placed or changed
    /// it meanwhile); nothing was placed.
    case cartChanged
    /// A payment is not for the order's total, in its currency; nothing was recorded.
    case amountMismatch(expected: Money, received: Money)
    /// The order's status does not allow the change.
    case cannotChange(from: OrderStatus, to: OrderStatus)
    /// Only an order awaiting payment can start a payment.
    case notPayable(OrderStatus)
    /// A refund asks for more than the order's payments can still give back.
    case overRefund(requested: Money, refundable: Money)
    /// A refund of zero or less.
    case refundNotPositive(Money)
    /// No payment attempt has this id.
    case unknownPayment(Int64)
    /// The provider's reference is already recorded for another order.
    case referenceInUse(provider: String, reference: String, orderID: Int64)
    /// A shipment names a SKU the order has no line for, or more units of it than are left to
    /// ship; nothing was recorded.
    case notInOrder(sku: String, requested: Int, left: Int)
    /// A shipment would carry nothing, or has no carrier or tracking number.
    case invalidShipment(String)
    /// A discount the order was priced with has ended, been used up, or reached the customer's
    /// limit since; nothing was placed. Carries the code, or the campaign's handle.
    case discountUnavailable(String)

    public var description: String {
        switch self {
        case .unknownOrder(let id):
            "no order has the id \(id)"
        case .invalidDraft(let problem):
            "the order was not placed: \(problem)"
        case .unavailable(let skus):
            "not for sale: \(skus.joined(separator: ", "))"
        case .priceChanged(let skus):
            "the price changed since the order was priced: \(skus.joined(separator: ", "))"
        case .short(let lines):
            "not enough stock: \(lines.map(\.description).joined(separator: "; "))"
        case .cartChanged:
            "the cart changed while the order was being placed"
        case .amountMismatch(let expected, let received):
            "the payment of \(received) does not match the order's total of \(expected); nothing was recorded"
        case .cannotChange(let from, let to):
            "an order that is \(from.rawValue) cannot become \(to.rawValue)"
        case .notPayable(let status):
            "an order that is \(status.rawValue) cannot be paid"
        case .overRefund(let requested, let refundable):
            "cannot refund \(requested): only \(refundable) of the payments is left to refund"
        case .refundNotPositive(let amount):
            "cannot refund \(amount); a refund is more than zero"
        case .unknownPayment(let id):
            "no payment attempt has the id \(id)"
        case .referenceInUse(let provider, let reference, let orderID):
            "\(provider) payment \(reference) is already recorded for order \(OrderNumber(id: orderID))"
        case .notInOrder(let sku, let requested, let left):
            left == 0
                ? "the order has nothing of \(sku) left to ship" : "the order has \(left) of \(sku) left to ship, not \(requested)"
        case .invalidShipment(let problem):
            "nothing was recorded: \(problem)"
        case .discountUnavailable(let name):
            "the discount \(name) has ended or is used up; nothing was placed"
        }
    }
}

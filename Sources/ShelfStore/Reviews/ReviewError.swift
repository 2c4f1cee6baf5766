/// Why the store refused a change to a review.
public enum ReviewError: Error, Hashable, Sendable, CustomStringConvertible {
    /// No review has this id.
    case noSuchReview(Int64)
    /// The line cannot be reviewed: unknown, or its order not delivered.
    case notReviewable(orderID: Int64, line: Int)
    /// The product is no longer sold (unpublished): its reviews stay, none is written or changed.
    case notSold(String)
    /// The merchant rejected the review; the buyer can no longer change it.
    case rejected(Int64)

    public var description: String {
        switch self {
        case .noSuchReview(let id): "no review has the id \(id); shelf reviews list shows them"
        case .notReviewable(let order, let line): "line \(line) of order \(order) cannot be reviewed (unknown or not delivered)"
        case .notSold(let handle): "product \(handle) is no longer sold, so its reviews can no longer be written or changed"
        case .rejected(let id): "review \(id) was rejected and can no longer be changed"
        }
    }
}

/// A buyer's review of a product they bought, as stored: one per order line.
public struct Review: Hashable, Sendable {
    /// Where moderation has got to. Only `approved` reviews are shown to shoppers.
    public enum Status: String, Hashable, Sendable, CaseIterable {
        /// Written, waiting for the merchant (pre-moderation).
        case pending
        /// Shown on the product page.
        case approved
        /// Refused by the merchant; kept so the buyer cannot simply post it again.
        case rejected
        /// Hidden after enough shoppers reported it, until the merchant approves or rejects it.
        case flagged
    }

    /// How an apparel item fits, in the buyer's words.
    public enum Fit: String, Hashable, Sendable, CaseIterable {
        case small
        case trueToSize = "true"
        case large
    }

    public var id: Int64
    public var orderID: Int64
    /// The order line's position within its order.
    public var line: Int
    public var productHandle: String
    /// Whole stars, 1 to 5.
    public var rating: Int
    public var title: String
    /// Plain text; a page escapes it.
    public var body: String
    public var fit: Fit?
    /// What the page shows as the author, "Ryan M." by default.
    public var displayName: String
    public var status: Status
    /// The merchant's public answer.
    public var reply: String?
    /// Unix seconds.
    public var repliedAt: Int64?
    public var helpfulCount: Int
    public var unhelpfulCount: Int
    public var reportCount: Int
    /// Unix seconds.
    public var createdAt: Int64
    /// Unix seconds.
    public var updatedAt: Int64
}

extension Review {
    /// The columns ``init(row:)`` reads, for `SELECT \(Review.columns) FROM reviews`.
    static let columns = """
        id, order_id, line, product_handle, rating, title, body, fit, display_name, status, reply, replied_at, \
        helpful_count, unhelpful_count, report_count, created_at, updated_at
        """

    init(row: Row) throws {
        guard let status = Status(rawValue: try row.text("status")) else {
            throw DatabaseError(message: "unknown review status \(try row.text("status"))")
        }
        let fitText = try row.optionalText("fit")
        self.init(
            id: try row.int64("id"), orderID: try row.int64("order_id"), line: try row.int("line"),
            productHandle: try row.text("product_handle"), rating: try row.int("rating"), title: try row.text("title"),
            body: try row.text("body"), fit: fitText.flatMap(Fit.init(rawValue:)), displayName: try row.text("display_name"),
            status: status, reply: try row.optionalText("reply"), repliedAt: try row.optionalInt64("replied_at"),
            helpfulCount: try row.int("helpful_count"), unhelpfulCount: try row.int("unhelpful_count"),
            reportCount: try row.int("report_count"), createdAt: try row.int64("created_at"), updatedAt: try row.int64("updated_at"))
    }
}

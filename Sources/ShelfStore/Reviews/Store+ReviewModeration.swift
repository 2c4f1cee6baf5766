import ShelfCore

extension Store {
    /// Which reviews ``reviews(_:)`` lists.
    public enum ReviewFilter: Hashable, Sendable {
        case all
        /// Waiting for approval.
        case pending
        /// Hidden after reports, waiting for a decision.
        case flagged
        /// The reviews of one product.
        case product(String)
    }

    /// The reviews `filter` selects, newest first.
    public func reviews(_ filter: ReviewFilter) throws -> [Review] {
        let (condition, arguments): (String, [SQLValue]) =
            switch filter {
            case .all: ("", [])
            case .pending: (" WHERE status = ?", [.text(Review.Status.pending.rawValue)])
            case .flagged: (" WHERE status = ?", [.text(Review.Status.flagged.rawValue)])
            case .product(let handle): (" WHERE product_handle = ?", [.text(handle)])
            }
        return try database.query("SELECT \(Review.columns) FROM reviews\(condition) ORDER BY created_at DESC, id DESC", arguments)
            .map(Review.init(row:))
    }

    /// Shows the review on its product page. Throws ``ReviewError/noSuchReview(_:)``.
    @discardableResult
    public func approveReview(_ id: Int64, now: Int64) throws -> Review {
        try moderateReview(id, to: .approved, now: now)
    }

    /// Keeps the review off its product page for good. Throws ``ReviewError/noSuchReview(_:)``.
    @discardableResult
    public func rejectReview(_ id: Int64, now: Int64) throws -> Review {
        try moderateReview(id, to: .rejected, now: now)
    }

    /// Sets the merchant's public answer to a review; an empty `text` removes it. The review
    /// clock moves on when the review is shown. Throws ``ReviewError/noSuchReview(_:)``.
    @discardableResult
    public func replyToReview(_ id: Int64, text: String, now: Int64) throws -> Review {
        try database.transaction {
            guard let review = try review(id: id) else { throw ReviewError.noSuchReview(id) }
            let reply = text.trimmingSpaces
            let version = try versionIfShown(review.status == .approved && reply != (review.reply ?? ""))
            try database.execute(
                "UPDATE reviews SET reply = ?, replied_at = ?, version = COALESCE(?, version) WHERE id = ?",
                [.text(reply.isEmpty ? nil : reply), .integer(reply.isEmpty ? nil : now), .integer(version), .integer(id)])
            guard let answered = try self.review(id: id) else { throw ReviewError.noSuchReview(id) }
            return answered
        }
    }

    private func moderateReview(_ id: Int64, to status: Review.Status, now: Int64) throws -> Review {
        try database.transaction {
            guard let review = try review(id: id) else { throw ReviewError.noSuchReview(id) }
            guard review.status != status else { return review }
            let version = try versionIfShown(review.status == .approved || status == .approved)
            try database.execute(
                "UPDATE reviews SET status = ?, updated_at = ?, version = COALESCE(?, version) WHERE id = ?",
                [.text(status.rawValue), .integer(now), .integer(version), .integer(id)])
            guard let moderated = try self.review(id: id) else { throw ReviewError.noSuchReview(id) }
            return moderated
        }
    }
}

extension Store {
    /// How many votes and reports one voter may give in a day: far more than a person reads,
    /// few enough that a flood from one voter stays small.
    public static let feedbackPerVoterPerDay = 200

    /// Records whether `voter` found an approved review helpful. One vote per voter per review:
    /// a second vote replaces the first. `voter` is an account key or the day's visitor hash.
    public func vote(onReview id: Int64, by voter: String, helpful: Bool, now: Int64) throws -> ReviewFeedback {
        try database.transaction {
            guard var review = try approvedReview(id) else { return .unknownReview }
            let previous = try database.query(
                "SELECT helpful FROM review_votes WHERE review_id = ? AND voter = ?", [.integer(id), .text(voter)]
            ).first.map { try $0.bool("helpful") }
            if previous == helpful { return .counted(review) }
            if previous == nil, try feedbackToday(by: voter, now: now) >= Self.feedbackPerVoterPerDay { return .tooMany }
            try database.execute(
                """
                INSERT INTO review_votes (review_id, voter, helpful, voted_at) VALUES (?, ?, ?, ?)
                ON CONFLICT (review_id, voter) DO UPDATE SET helpful = excluded.helpful, voted_at = excluded.voted_at
                """, [.integer(id), .text(voter), .integer(helpful ? 1 : 0), .integer(now)])
            // The counts are shown on the product page: a changed count re-renders it.
            let version = try takeReviewVersion()
            let counts = try database.query(
                """
                UPDATE reviews SET
                    helpful_count = (SELECT COUNT(*) FROM review_votes WHERE review_id = ? AND helpful = 1),
                    unhelpful_count = (SELECT COUNT(*) FROM review_votes WHERE review_id = ? AND helpful = 0),
                    version = ?
                WHERE id = ? RETURNING helpful_count, unhelpful_count
                """, [.integer(id), .integer(id), .integer(version), .integer(id)])
            review.helpfulCount = try counts.first?.int("helpful_count") ?? review.helpfulCount
            review.unhelpfulCount = try counts.first?.int("unhelpful_count") ?? review.unhelpfulCount
            return .counted(review)
        }
    }

    /// Records `reporter`'s report of an approved review, once per reporter per review. At
    /// `hideAfter` reports the review is flagged: hidden until the merchant decides, and gone
    /// from the product page at the next build.
    public func report(
        review id: Int64, by reporter: String, reason: ReportReason, hideAfter threshold: Int, now: Int64
    ) throws -> ReviewFeedback {
        try database.transaction {
            guard var review = try approvedReview(id) else { return .unknownReview }
            let known = try database.query(
                "SELECT 1 AS known FROM review_reports WHERE review_id = ? AND reporter = ?", [.integer(id), .text(reporter)])
            if !known.isEmpty { return .counted(review) }
            if try feedbackToday(by: reporter, now: now) >= Self.feedbackPerVoterPerDay { return .tooMany }
            try database.execute(
                "INSERT INTO review_reports (review_id, reporter, reason, reported_at) VALUES (?, ?, ?, ?)",
                [.integer(id), .text(reporter), .text(reason.rawValue), .integer(now)])
            review.reportCount += 1
            if review.reportCount >= max(threshold, 1) {
                review.status = .flagged
                try database.execute(
                    "UPDATE reviews SET report_count = ?, status = 'flagged', version = ? WHERE id = ?",
                    [.integer(Int64(review.reportCount)), .integer(try takeReviewVersion()), .integer(id)])
            } else {
                try database.execute(
                    "UPDATE reviews SET report_count = ? WHERE id = ?", [.integer(Int64(review.reportCount)), .integer(id)])
            }
            return .counted(review)
        }
    }

    /// The approved review with `id` of a product still sold, read for a change in the current
    /// transaction; nil for any other, so a deleted product's reviews take no votes or reports.
    private func approvedReview(_ id: Int64) throws -> Review? {
        try database.query(
            """
            SELECT \(Review.columns) FROM reviews WHERE id = ? AND status = 'approved'
                AND EXISTS (SELECT 1 FROM products p WHERE p.handle = reviews.product_handle AND p.published = 1)\(database.dialect.forUpdate)
            """, [.integer(id)]
        ).first.map(Review.init(row:))
    }

    /// Votes and reports `voter` gave in the last day.
    private func feedbackToday(by voter: String, now: Int64) throws -> Int {
        let since = now - 86_400
        let row = try database.query(
            """
            SELECT (SELECT COUNT(*) FROM review_votes WHERE voter = ? AND voted_at > ?)
                + (SELECT COUNT(*) FROM review_reports WHERE reporter = ? AND reported_at > ?) AS given
            """, [.text(voter), .integer(since), .text(voter), .integer(since)])
        return try row.first?.int("given") ?? 0
    }
}

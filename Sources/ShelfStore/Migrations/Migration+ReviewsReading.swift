extension Migration {
    /// Indexes by voter for the daily cap on votes and reports, and by product and helpfulness
    /// for the "most helpful" order of a product's reviews.
    static let reviewsReading = Migration(name: "reviewsReading") { _ in
        [
            "CREATE INDEX review_votes_by_voter ON review_votes (voter, voted_at)",
            "CREATE INDEX review_reports_by_reporter ON review_reports (reporter, reported_at)",
            "CREATE INDEX reviews_by_helpfulness ON reviews (product_handle, status, helpful_count)",
        ]
    }
}

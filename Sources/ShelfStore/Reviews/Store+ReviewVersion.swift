extension Store {
    /// The version of the latest review change that altered a product page; 0 before any.
    ///
    /// Record it after a build; ``productsWithReviewChanges(since:)`` then tells the next build
    /// which product pages to redo.
    public func reviewVersion() throws -> Int64 {
        try database.query("SELECT version FROM review_clock WHERE id = 1").first?.int64("version") ?? 0
    }

    /// The handles of the products whose shown reviews changed after `version` (a review
    /// approved, rejected, edited, answered or deleted), sorted.
    public func productsWithReviewChanges(since version: Int64) throws -> [String] {
        let changed = try database.query(
            """
            SELECT product_handle FROM reviews WHERE version > ?
            UNION SELECT product_handle FROM review_removals WHERE version > ?
            """, [.integer(version), .integer(version)])
        return try Set(changed.map { try $0.text("product_handle") }).sorted()
    }

    /// One past the latest review version, the clock's row locked on PostgreSQL until the
    /// transaction ends (as ``nextStockVersion()`` does for stock).
    func nextReviewVersion() throws -> Int64 {
        let clock = try database.query("SELECT version FROM review_clock WHERE id = 1\(database.dialect.forUpdate)")
        return (try clock.first?.int64("version") ?? 0) + 1
    }

    /// Records `version` as the latest, once the current transaction wrote it.
    func advanceReviewVersion(to version: Int64) throws {
        try database.execute("UPDATE review_clock SET version = ? WHERE id = 1", [.integer(version)])
    }

    /// The version the review changes of the current write transaction carry, recorded as the
    /// latest at once: inside the transaction nobody else can take it (on PostgreSQL the clock's
    /// row stays locked until the transaction ends).
    func takeReviewVersion() throws -> Int64 {
        let version = try nextReviewVersion()
        try advanceReviewVersion(to: version)
        return version
    }
}

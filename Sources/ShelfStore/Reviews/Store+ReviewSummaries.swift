extension Store {
    /// The summary of every product's approved reviews, by product handle, read in one query
    /// however large the catalogue (or of the one product `handle`); products without approved
    /// reviews are left out.
    public func reviewSummaries(of handle: String? = nil) throws -> [String: ReviewSummary] {
        let rows = try database.query(
            """
            SELECT product_handle,
                SUM(CASE WHEN rating = 1 THEN 1 ELSE 0 END) AS one, SUM(CASE WHEN rating = 2 THEN 1 ELSE 0 END) AS two,
                SUM(CASE WHEN rating = 3 THEN 1 ELSE 0 END) AS three, SUM(CASE WHEN rating = 4 THEN 1 ELSE 0 END) AS four,
                SUM(CASE WHEN rating = 5 THEN 1 ELSE 0 END) AS five,
                SUM(CASE WHEN fit = 'small' THEN 1 ELSE 0 END) AS small, SUM(CASE WHEN fit = 'true' THEN 1 ELSE 0 END) AS true_fit,
                SUM(CASE WHEN fit = 'large' THEN 1 ELSE 0 END) AS large
            FROM reviews WHERE status = 'approved'\(handle == nil ? "" : " AND product_handle = ?") GROUP BY product_handle
            """, handle.map { [.text($0)] } ?? [])
        var summaries: [String: ReviewSummary] = [:]
        for row in rows {
            summaries[try row.text("product_handle")] = ReviewSummary(
                stars: try ["one", "two", "three", "four", "five"].map { try row.int($0) },
                runsSmall: try row.int("small"), trueToSize: try row.int("true_fit"), runsLarge: try row.int("large"))
        }
        return summaries
    }

    /// The newest `limit` approved reviews of every product (or of the one product `handle`),
    /// newest first, by product handle, read in one query however large the catalogue.
    public func newestReviews(perProduct limit: Int, of handle: String? = nil) throws -> [String: [Review]] {
        guard limit > 0 else { return [:] }
        let rows = try database.query(
            """
            SELECT \(Review.columns) FROM (
                SELECT \(Review.columns),
                    ROW_NUMBER() OVER (PARTITION BY product_handle ORDER BY created_at DESC, id DESC) AS place
                FROM reviews WHERE status = 'approved'\(handle == nil ? "" : " AND product_handle = ?")
            ) AS ranked WHERE place <= ? ORDER BY product_handle, created_at DESC, id DESC
            """, (handle.map { [.text($0)] } ?? []) + [.integer(Int64(limit))])
        var reviews: [String: [Review]] = [:]
        for row in rows {
            let review = try Review(row: row)
            reviews[review.productHandle, default: []].append(review)
        }
        return reviews
    }
}

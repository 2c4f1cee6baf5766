extension Migration {
    /// Where deleted reviews leave their mark: a buyer who deletes an approved review changes
    /// its product's page, but the row that carried the version is gone. `review_removals`
    /// keeps the product and the version of each such deletion, so an incremental build still
    /// finds the product (``Store/productsWithReviewChanges(since:)``).
    static let reviewsWriting = Migration(name: "reviewsWriting") { _ in
        [
            """
            CREATE TABLE review_removals (
                product_handle TEXT NOT NULL,
                version BIGINT NOT NULL
            )
            """,
            "CREATE INDEX review_removals_by_version ON review_removals (version)",
        ]
    }
}

extension Migration {
    /// Reviews of products by the people who bought them, and what other shoppers said of them.
    ///
    /// A review belongs to one order line, which is how only buyers review and each line bought
    /// gives one review: `UNIQUE (order_id, line)` with a foreign key to `order_lines`. The
    /// product is kept by handle beside it because a product can be unpublished while its
    /// reviews stay. `status` is the moderation state: `pending` until the merchant approves
    /// (pre-moderation) or `approved` at once (post-moderation); `flagged` hides a review that
    /// enough shoppers reported until the merchant decides. Ratings are whole stars, enforced here.
    ///
    /// `version` comes from `review_clock`, bumped by every change that alters what a product
    /// page shows, so `shelf build` re-renders exactly the products whose reviews changed (as
    /// `stock.version` does for stock). Votes and reports are keyed by a voter key (an account,
    /// or the day's salted visitor hash), so one voter counts once per review.
    static let reviews = Migration(name: "reviews") { dialect in
        [
            """
            CREATE TABLE reviews (
                id \(dialect.generatedKey),
                order_id BIGINT NOT NULL,
                line INTEGER NOT NULL,
                product_handle TEXT NOT NULL REFERENCES products (handle),
                rating INTEGER NOT NULL CHECK (rating BETWEEN 1 AND 5),
                title TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
                body TEXT NOT NULL CHECK (length(body) <= 5000),
                fit TEXT NULL CHECK (fit IN ('small', 'true', 'large')),
                display_name TEXT NOT NULL CHECK (length(display_name) BETWEEN 1 AND 80),
                status TEXT NOT NULL CHECK (status IN ('pending', 'approved', 'rejected', 'flagged')),
                reply TEXT NULL,
                replied_at BIGINT NULL,
                helpful_count INTEGER NOT NULL DEFAULT 0 CHECK (helpful_count >= 0),
                unhelpful_count INTEGER NOT NULL DEFAULT 0 CHECK (unhelpful_count >= 0),
                report_count INTEGER NOT NULL DEFAULT 0 CHECK (report_count >= 0),
                created_at BIGINT NOT NULL,
                updated_at BIGINT NOT NULL,
                version BIGINT NOT NULL,
                UNIQUE (order_id, line),
                FOREIGN KEY (order_id, line) REFERENCES order_lines (order_id, position)
            )
            """,
            "CREATE INDEX reviews_by_product ON reviews (product_handle, status, created_at)",
            "CREATE INDEX reviews_by_version ON reviews (version)",
            """
            CREATE TABLE review_clock (
                id INTEGER PRIMARY KEY CHECK (id = 1),
                version BIGINT NOT NULL
            )
            """,
            "INSERT INTO review_clock (id, version) VALUES (1, 0)",
            """
            CREATE TABLE review_votes (
                review_id BIGINT NOT NULL REFERENCES reviews (id) ON DELETE CASCADE,
                voter TEXT NOT NULL CHECK (length(voter) > 0),
                helpful INTEGER NOT NULL CHECK (helpful IN (0, 1)),
                voted_at BIGINT NOT NULL,
                PRIMARY KEY (review_id, voter)
            )
            """,
            """
            CREATE TABLE review_reports (
                review_id BIGINT NOT NULL REFERENCES reviews (id) ON DELETE CASCADE,
                reporter TEXT NOT NULL CHECK (length(reporter) > 0),
                reason TEXT NOT NULL CHECK (reason IN ('spam', 'offensive', 'off_topic', 'personal_data', 'other')),
                reported_at BIGINT NOT NULL,
                PRIMARY KEY (review_id, reporter)
            )
            """,
        ]
    }
}

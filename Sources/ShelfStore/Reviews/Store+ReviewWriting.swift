public import ShelfCore

extension Store {
    /// Line `line` of order `orderID` as a review link sees it; nil when the order has no such line.
    public func reviewableLine(orderID: Int64, line: Int) throws -> ReviewableLine? {
        try reviewableLines(orderID: orderID).first { $0.line == line }
    }

    /// Every line of order `orderID` with its review, in order; empty for an unknown order.
    public func reviewableLines(orderID: Int64) throws -> [ReviewableLine] {
        let rows = try database.query(
            """
            SELECT ol.position, ol.title, ol.options, v.product_handle, o.status, o.name, p.published,
                (SELECT MAX(e.at) FROM order_events e WHERE e.order_id = o.id AND e.status = 'delivered') AS delivered_at,
                CASE WHEN EXISTS (
                    SELECT 1 FROM variant_options vo JOIN variants sized ON sized.sku = vo.sku
                    WHERE sized.product_handle = v.product_handle AND lower(vo.name) = 'size'
                ) THEN 1 ELSE 0 END AS sized
            FROM order_lines ol JOIN orders o ON o.id = ol.order_id JOIN variants v ON v.sku = ol.sku
                JOIN products p ON p.handle = v.product_handle
            WHERE ol.order_id = ? ORDER BY ol.position
            """, [.integer(orderID)])
        var reviews: [Int: Review] = [:]
        for row in try database.query("SELECT \(Review.columns) FROM reviews WHERE order_id = ?", [.integer(orderID)]) {
            let review = try Review(row: row)
            reviews[review.line] = review
        }
        var categories: [String: [String]] = [:]
        for row in try database.query(
            """
            SELECT DISTINCT pc.product_handle, pc.category_handle, pc.position
            FROM order_lines ol JOIN variants v ON v.sku = ol.sku JOIN product_categories pc ON pc.product_handle = v.product_handle
            WHERE ol.order_id = ? ORDER BY pc.product_handle, pc.position
            """, [.integer(orderID)])
        {
            categories[try row.text("product_handle"), default: []].append(try row.text("category_handle"))
        }
        return try rows.map { row in
            let line = try row.int("position")
            let handle = try row.text("product_handle")
            return ReviewableLine(
                orderID: orderID, line: line, productHandle: handle, title: try row.text("title"),
                options: try row.text("options"), buyerName: try row.text("name"),
                deliveredAt: try row.text("status") == "delivered" ? try row.optionalInt64("delivered_at") : nil,
                isSold: try row.bool("published"), hasSizeOption: try row.int("sized") == 1, categories: categories[handle] ?? [],
                review: reviews[line])
        }
    }

    /// The review with this id, if any.
    public func review(id: Int64) throws -> Review? {
        try database.query("SELECT \(Review.columns) FROM reviews WHERE id = ?", [.integer(id)]).first.map(Review.init(row:))
    }

    /// Saves the buyer's review of a delivered order line: the first time a new review, then
    /// the same one edited. It is `approved` at once when `approvedAtOnce` (post-moderation),
    /// `pending` otherwise; a flagged review stays flagged. When the product page changes (the
    /// review was or becomes approved) the review clock moves on.
    ///
    /// Throws ``ReviewError/notReviewable(orderID:line:)`` for an unknown or undelivered line,
    /// ``ReviewError/notSold(_:)`` once the product's file was deleted (unpublished), and
    /// ``ReviewError/rejected(_:)`` once the merchant rejected the review.
    ///
    /// ```swift
    /// let review = try store.saveReview(draft, orderID: 42, line: 1, approvedAtOnce: false, now: clock.now())
    /// ```
    @discardableResult
    public func saveReview(_ draft: ReviewDraft, orderID: Int64, line: Int, approvedAtOnce: Bool, now: Int64) throws -> Review {
        try database.transaction {
            guard let target = try reviewableLine(orderID: orderID, line: line), target.isDelivered else {
                throw ReviewError.notReviewable(orderID: orderID, line: line)
            }
            guard target.isSold else { throw ReviewError.notSold(target.productHandle) }
            let old = target.review
            if let old, old.status == .rejected { throw ReviewError.rejected(old.id) }
            let status: Review.Status = old?.status == .flagged ? .flagged : approvedAtOnce ? .approved : .pending
            let version = try versionIfShown(old?.status == .approved || status == .approved)
            let values: [SQLValue] = [
                .integer(Int64(draft.rating)), .text(draft.title), .text(draft.body), .text(draft.fit?.rawValue),
                .text(draft.displayName), .text(status.rawValue), .integer(now),
            ]
            let id: Int64
            if let old {
                try database.execute(
                    """
                    UPDATE reviews SET rating = ?, title = ?, body = ?, fit = ?, display_name = ?, status = ?, updated_at = ?,
                        version = COALESCE(?, version)
                    WHERE id = ?
                    """, values + [.integer(version), .integer(old.id)])
                id = old.id
            } else {
                let inserted = try database.query(
                    """
                    INSERT INTO reviews (rating, title, body, fit, display_name, status, updated_at, version,
                        order_id, line, product_handle, created_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id
                    """,
                    values + [
                        .integer(try version ?? reviewVersion()), .integer(orderID), .integer(Int64(line)), .text(target.productHandle),
                        .integer(now),
                    ])
                id = try inserted[0].int64("id")
            }
            guard let saved = try review(id: id) else { throw ReviewError.noSuchReview(id) }
            return saved
        }
    }

    /// Deletes the buyer's review of an order line; false when there was none. Deleting an
    /// approved review moves the review clock on and leaves the product in `review_removals`.
    /// A rejected review stays: throws ``ReviewError/rejected(_:)``; so does the review of a
    /// product no longer sold: throws ``ReviewError/notSold(_:)``.
    @discardableResult
    public func deleteReview(orderID: Int64, line: Int) throws -> Bool {
        try database.transaction {
            let rows = try database.query(
                "SELECT \(Review.columns) FROM reviews WHERE order_id = ? AND line = ?", [.integer(orderID), .integer(Int64(line))])
            guard let review = try rows.first.map(Review.init(row:)) else { return false }
            if review.status == .rejected { throw ReviewError.rejected(review.id) }
            guard try publishedProductTitle(review.productHandle) != nil else { throw ReviewError.notSold(review.productHandle) }
            if let version = try versionIfShown(review.status == .approved) {
                try database.execute(
                    "INSERT INTO review_removals (product_handle, version) VALUES (?, ?)", [.text(review.productHandle), .integer(version)])
            }
            try database.execute("DELETE FROM reviews WHERE id = ?", [.integer(review.id)])
            return true
        }
    }

    /// The next review version, recorded as the latest, when a change alters a product page;
    /// nil when it does not. Call inside the transaction that writes it.
    func versionIfShown(_ shown: Bool) throws -> Int64? {
        guard shown else { return nil }
        let version = try nextReviewVersion()
        try advanceReviewVersion(to: version)
        return version
    }
}

import ShelfCore

extension Store {
    /// How many of the latest paid orders make a product popular: recent sales, not all time.
    public static let popularOrderWindow = 200

    /// The statuses of an order that was paid for: paid, and on its way or delivered.
    private static let soldStatuses = ["paid", "partially_shipped", "shipped", "delivered"]

    /// The products to offer when a search finds nothing: the best sellers by units over the
    /// latest ``popularOrderWindow`` paid orders, then the newest products (all of them, when
    /// nothing has sold yet). Published products only, those a shopper can buy now first.
    ///
    /// ```swift
    /// if results.total == 0 { shown = try store.popularProducts(limit: 4) }
    /// ```
    public func popularProducts(limit: Int = 4) throws -> [SearchHit] {
        let statuses = Self.soldStatuses.map { SQLValue.text($0) }
        let rows = try database.query(
            """
            SELECT d.handle,
                CASE WHEN EXISTS (
                    SELECT 1 FROM variants v JOIN stock s ON s.sku = v.sku
                    WHERE v.product_handle = d.handle AND v.active = 1 AND s.on_hand - s.reserved - s.allocated > 0
                ) THEN 1 ELSE 0 END AS buyable,
                COALESCE(sold.units, 0) AS units
            FROM search_documents d
            JOIN products p ON p.handle = d.handle AND p.published = 1
            LEFT JOIN (
                SELECT v.product_handle, SUM(l.quantity) AS units
                FROM order_lines l JOIN variants v ON v.sku = l.sku
                WHERE l.order_id IN (
                    SELECT o.id FROM orders o WHERE o.status IN (\(Self.marks(statuses.count))) ORDER BY o.id DESC LIMIT ?
                )
                GROUP BY v.product_handle
            ) sold ON sold.product_handle = d.handle
            ORDER BY buyable DESC, units DESC, d.released DESC, d.handle
            LIMIT ?
            """, statuses + [.int(Self.popularOrderWindow), .int(max(0, limit))])
        let reviews = try searchRatings(nil).summaries
        return try searchHits(rows.map { try $0.text("handle") }, reviews: reviews)
    }
}

extension Store {
    /// The title of the published product `handle`; nil when the product is unknown or
    /// unpublished, whose reviews nobody reads.
    public func publishedProductTitle(_ handle: String) throws -> String? {
        try database.query("SELECT title FROM products WHERE handle = ? AND published = 1", [.text(handle)])
            .first?.text("title")
    }

    /// One page of the approved reviews of `handle` in `sort` order: page 1 is the first
    /// `perPage` reviews. A page past the last one is empty.
    public func approvedReviews(of handle: String, sortedBy sort: ReviewSort, page: Int, perPage: Int) throws -> [Review] {
        guard page >= 1, perPage >= 1 else { return [] }
        let (offset, overflow) = (page - 1).multipliedReportingOverflow(by: perPage)
        guard !overflow else { return [] }
        return try database.query(
            """
            SELECT \(Review.columns) FROM reviews WHERE product_handle = ? AND status = 'approved'
            ORDER BY \(sort.orderBy) LIMIT ? OFFSET ?
            """, [.text(handle), .integer(Int64(perPage)), .integer(Int64(offset))]
        ).map { try Review(row: $0) }
    }
}

@testable public import ShelfStore

extension Store {
    /// Places an order of one `sku` (which must be in stock, at `price` cents) and stores its buyer's review of
    /// the SKU's product, taking a review version as every review change does; returns its id.
    ///
    /// The reviews write side has its own operations; tests of what reviews show need only rows.
    @discardableResult
    public func addSampleReview(
        sku: String, rating: Int, title: String = "Lovely", body: String = "Soft and warm.", fit: Review.Fit? = nil,
        name: String = "Ada L.", status: Review.Status = .approved, reply: String? = nil, price: Int64 = 2500, at time: Int64
    ) throws -> Int64 {
        let order = try placeOrder(.sample([(sku: sku, quantity: 1)], price: price), now: time, holdFor: 1800)
        return try database.transaction {
            let handle = try database.query("SELECT product_handle FROM variants WHERE sku = ?", [.text(sku)]).first!.text("product_handle")
            let version = try takeReviewVersion()
            let rows = try database.query(
                """
                INSERT INTO reviews (order_id, line, product_handle, rating, title, body, fit, display_name, status, reply,
                    created_at, updated_at, version)
                VALUES (?, 1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id
                """,
                [
                    .integer(order.id), .text(handle), .integer(Int64(rating)), .text(title), .text(body),
                    fit.map { .text($0.rawValue) } ?? .null, .text(name), .text(status.rawValue), reply.map { .text($0) } ?? .null,
                    .integer(time), .integer(time), .integer(version),
                ])
            return try rows.first!.int64("id")
        }
    }

    /// Moves a review to `status` as moderation does, taking a review version.
    public func setSampleReviewStatus(_ id: Int64, to status: Review.Status) throws {
        try database.transaction {
            _ = try database.execute(
                "UPDATE reviews SET status = ?, version = ? WHERE id = ?",
                [.text(status.rawValue), .integer(try takeReviewVersion()), .integer(id)])
        }
    }

    /// The stored review with `id`.
    public func sampleReview(_ id: Int64) throws -> Review? {
        try database.query("SELECT \(Review.columns) FROM reviews WHERE id = ?", [.integer(id)]).first.map(Review.init(row:))
    }
}

import ShelfStore

/// The approved reviews a build shows: every product's summary and its newest reviews, read
/// from the store in two queries whatever the size of the catalogue.
struct SiteReviews: Sendable {
    var summaries: [String: ReviewSummary] = [:]
    /// The newest approved reviews of each product, newest first, as many as a page shows.
    var newest: [String: [Review]] = [:]
    /// The review version they were read at: an incremental build redoes what changed after it.
    var version: Int64 = 0

    /// Reads what pages show; the version first, so a change landing meanwhile is read again.
    static func read(_ store: Store, perProduct: Int) throws -> SiteReviews {
        let version = try store.reviewVersion()
        return SiteReviews(
            summaries: try store.reviewSummaries(), newest: try store.newestReviews(perProduct: perProduct), version: version)
    }

    /// Reads what the pages of just these products show, a query or two a product: an
    /// incremental build that renders a few pages does not read every product's reviews.
    static func read(_ store: Store, perProduct: Int, of handles: some Sequence<String>) throws -> SiteReviews {
        var reviews = SiteReviews(version: try store.reviewVersion())
        for handle in handles {
            reviews.summaries.merge(try store.reviewSummaries(of: handle)) { _, new in new }
            reviews.newest.merge(try store.newestReviews(perProduct: perProduct, of: handle)) { _, new in new }
        }
        return reviews
    }
}

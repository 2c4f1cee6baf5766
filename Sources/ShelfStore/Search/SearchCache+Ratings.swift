import Synchronization

extension SearchCache {
    /// The ratings at review `version`, their averages in the order of `catalogue` (when
    /// given): the kept ones, or the summaries `read` answers once the version moved.
    func ratings(version: Int64, catalogue: SearchCatalogue?, read: () throws -> [String: ReviewSummary]) throws -> SearchRatings {
        let kept = heldRatings.withLock { $0 }.flatMap { $0.reviewVersion == version ? $0 : nil }
        if let kept, catalogue.map(kept.follows) ?? true { return kept }
        var ratings = try kept ?? SearchRatings(reviewVersion: version, summaries: read())
        if let catalogue { ratings.follow(catalogue) }
        heldRatings.withLock { $0 = ratings }
        return ratings
    }
}

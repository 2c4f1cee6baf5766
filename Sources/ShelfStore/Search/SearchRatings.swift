/// Every product's approved reviews as search shows and filters by them: the summaries by
/// handle for the cards, and each catalogue product's average for the rating facet.
///
/// Read with one grouped query per review version (``Store/reviewSummaries(of:)``), not per
/// search: an approval moves the review clock, so it shows in the next search without a build.
struct SearchRatings: Sendable {
    /// The review version the summaries were read at.
    var reviewVersion: Int64
    /// The summary of each product with approved reviews, by handle.
    var summaries: [String: ReviewSummary]
    /// The index version ``averages`` follow the catalogue order of.
    var indexVersion: Int64 = -1
    /// Each catalogue product's average in tenths of a star, 0 without approved reviews.
    var averages: [UInt8] = []

    /// The averages laid out in the order of `catalogue`'s products.
    mutating func follow(_ catalogue: SearchCatalogue) {
        guard !follows(catalogue) else { return }
        averages = catalogue.products.map { UInt8(clamping: summaries[$0.handle]?.averageTenths ?? 0) }
        indexVersion = catalogue.indexVersion
    }

    /// Whether ``averages`` are in the order of `catalogue`'s products.
    func follows(_ catalogue: SearchCatalogue) -> Bool {
        indexVersion == catalogue.indexVersion && averages.count == catalogue.products.count
    }
}

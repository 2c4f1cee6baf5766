import ShelfHTTP

extension ReviewRoutes {
    /// Reading reviews: more of a product's reviews, sorted and paged, helpful votes, reports.
    static let reading: [Route] = []
}

import ShelfHTTP

extension ReviewRoutes {
    /// Writing a review: the buyer's signed link, the form, editing and deleting.
    static let writing: [Route] = []
}

import ShelfHTTP

extension ReviewRoutes {
    /// Writing a review: the buyer's signed link, the form, editing and deleting.
    static let writing: [Route] = [
        Route(.get, "/write", ReviewForm.show),
        Route(.post, "/write", body: .accepts([.form], limit: ReviewForm.bodyLimit), ReviewForm.save),
        Route(.post, "/delete", body: .accepts([.form], limit: 4096), ReviewForm.delete),
    ]
}

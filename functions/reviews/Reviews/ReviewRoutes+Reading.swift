import ShelfHTTP

extension ReviewRoutes {
    /// Reading reviews: all of a product's reviews, helpful votes and reports.
    ///
    /// | Route | What it does |
    /// |---|---|
    /// | `GET /fn/reviews?product=HANDLE&sort=…&page=N` | the product's approved reviews, ten a page, sorted newest, highest, lowest or helpful |
    /// | `POST /fn/reviews/vote` | `review`, `helpful=yes\|no`, `back`: one vote per voter per review, a second replaces the first |
    /// | `POST /fn/reviews/report` | `review`, `reason`, `back`: one report per reporter; enough reports hide the review |
    static let reading: [Route] = [
        Route(.get, "/") { request, context in try ReviewListPage.show(request, context) },
        Route(.post, "/vote", body: .accepts([.form], limit: ReviewFeedbackForms.formLimit)) { request, context in
            try ReviewFeedbackForms.vote(request, context)
        },
        Route(.post, "/report", body: .accepts([.form], limit: ReviewFeedbackForms.formLimit)) { request, context in
            try ReviewFeedbackForms.report(request, context)
        },
    ]
}

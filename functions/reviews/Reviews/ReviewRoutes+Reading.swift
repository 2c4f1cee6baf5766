import ShelfHTTP

extension ReviewRoutes {
    /// Reading reviews: helpful votes and reports.
    ///
    /// | Route | What it does |
    /// |---|---|
    /// | `POST /fn/reviews/vote` | `review`, `helpful=yes\|no`, `back`: one vote per voter per review, a second replaces the first |
    /// | `POST /fn/reviews/report` | `review`, `reason`, `back`: one report per reporter; enough reports hide the review |
    static let reading: [Route] = [
        Route(.post, "/vote", body: .accepts([.form], limit: ReviewFeedbackForms.formLimit)) { request, context in
            try ReviewFeedbackForms.vote(request, context)
        },
        Route(.post, "/report", body: .accepts([.form], limit: ReviewFeedbackForms.formLimit)) { request, context in
            try ReviewFeedbackForms.report(request, context)
        },
    ]
}

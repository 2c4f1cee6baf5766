import ShelfConfig
import ShelfCore
import ShelfHTTP
import ShelfStore

/// `GET /fn/reviews?product=HANDLE&sort=helpful&page=2`: all of a product's approved reviews,
/// ten a page, with the same summary and review markup as the product page, a sort form and
/// page links that work without JavaScript.
enum ReviewListPage {
    static let perPage = 10

    static func show(_ request: Request, _ context: FunctionContext) throws -> Response {
        let input = try ReviewListInput(request)
        let store = try context.store()
        guard let title = try store.publishedProductTitle(input.handle) else {
            throw HTTPError(404, "This product cannot be found.", log: "reviews of an unknown or unpublished product")
        }
        let summary = try store.reviewSummaries(of: input.handle)[input.handle]
        let count = summary?.count ?? 0
        let pages = max(1, (count + perPage - 1) / perPage)
        guard input.page <= pages else {
            throw HTTPError(
                400, "These reviews have \(pages) page\(pages == 1 ? "" : "s"); there is no page \(input.page).",
                log: "reviews page \(input.page) of \(pages)")
        }
        let reviews = try store.approvedReviews(of: input.handle, sortedBy: input.sort, page: input.page, perPage: perPage)
        let days = DayFormatter(locale: context.config.locale)
        let here = input.url(page: input.page)
        var values: [String: Any] = [
            "product": ["title": title, "url": "/products/\(input.handle)/"],
            "handle": input.handle,
            "list": reviews.map { ReviewTemplateValues.review($0, days: days, back: here + "#review-\($0.id)") },
            "sorts": ReviewSort.allCases.map { ["value": $0.rawValue, "label": $0.label, "selected": $0 == input.sort] },
        ]
        if let summary, count > 0 {
            let showsFit = try store.asksFit(input.handle, context.config.reviews.fitQuestion)
            values["summary"] = ReviewTemplateValues.summary(summary, showsFit: showsFit)
            values["has_reviews"] = true
            values["list_title"] = "\(count == 1 ? "1 review" : "\(count) reviews"), \(input.sort.label.lowercased()) first"
        }
        if pages > 1 { values["pagination"] = pagination(input, pages: pages) }
        let pageTitle = input.page > 1 ? "Reviews of \(title), page \(input.page)" : "Reviews of \(title)"
        var response = Response.html(
            try context.pages().render("reviews", title: pageTitle, path: "/fn/reviews", values: ["reviews": values]))
        response.setHeader("Cache-Control", "no-store")
        return response
    }

    /// The theme's `partials/pagination` values: the first, the last and two pages either side.
    private static func pagination(_ input: ReviewListInput, pages: Int) -> [String: Any] {
        let current = input.page
        let shown = Set([1, pages] + Array(max(1, current - 2)...min(pages, current + 2))).sorted()
        var numbers: [[String: Any]] = []
        for (index, number) in shown.enumerated() {
            if index > 0, number > shown[index - 1] + 1 { numbers.append(["gap": true]) }
            numbers.append(["number": number, "url": input.url(page: number), "current": number == current])
        }
        var pagination: [String: Any] = ["page": current, "pages": pages, "numbers": numbers]
        if current > 1 { pagination["prev_url"] = input.url(page: current - 1) }
        if current < pages { pagination["next_url"] = input.url(page: current + 1) }
        return pagination
    }
}

public import ShelfHTTP

/// The search function's routes: the results page and its JSON twin, both from the same
/// query string (`/fn/search?q=wool&colour=Navy&size=M&max=100`).
///
/// | Route                  | What it does                                              |
/// |------------------------|-----------------------------------------------------------|
/// | `GET /fn/search`       | the results page with its facets, a plain GET form         |
/// | `GET /fn/search.json`  | the same results as JSON, for scripts                      |
public enum SearchRoutes {
    public static let all: [Route] = [
        Route(.get, "/") { request, context in try SearchPage.page(request, context) },
        Route(.get, ".json") { request, context in try SearchPage.json(request, context) },
    ]
}

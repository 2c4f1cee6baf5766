import ShelfConfig
import ShelfCore
import ShelfHTTP
import ShelfStore

/// The results page and `search.json`: the query string read into a search, run on the store,
/// and shown with the theme's product cards and a form of facets.
enum SearchPage {
    static func page(_ request: Request, _ context: FunctionContext) throws -> Response {
        let (input, results) = try search(request, context)
        if request.wantsJSON { return .json(SearchJSON.value(input, results, context)) }
        context.record(AnalyticsEvent(.search, detail: input.query.text, amount: Int64(results.total)), for: request)
        let view = SearchView(input: input, results: results, context: context)
        let title = input.query.text.isEmpty ? "Search" : "Search: \(input.query.text)"
        let html = try context.pages().render("search", title: title, path: "/fn/search", values: ["search": view.values])
        return .html(html)
    }

    static func json(_ request: Request, _ context: FunctionContext) throws -> Response {
        let (input, results) = try search(request, context)
        context.record(AnalyticsEvent(.search, detail: input.query.text, amount: Int64(results.total)), for: request)
        return .json(SearchJSON.value(input, results, context))
    }

    /// Reads the request and runs the search, with popular products when nothing matched; a
    /// page past the last one is a 404.
    private static func search(_ request: Request, _ context: FunctionContext) throws -> (SearchInput, SearchResults) {
        let store = try context.store()
        let input = try SearchInput(try request.queryFields(), options: try store.searchableOptions(), currency: context.config.currency)
        var results = try store.search(input.query)
        if results.total == 0 { results.popular = try store.popularProducts() }
        let sales = try UnitSalePrices(store: store, now: context.clock.now(), currency: context.config.currency)
        results.products = results.products.map { $0.priced(by: sales) }
        results.popular = results.popular.map { $0.priced(by: sales) }
        guard input.query.page <= results.pages else {
            throw HTTPError(
                404, "These results have \(results.pages) page\(results.pages == 1 ? "" : "s"); there is no page \(input.query.page).",
                log: "search page \(input.query.page) of \(results.pages)")
        }
        return (input, results)
    }
}

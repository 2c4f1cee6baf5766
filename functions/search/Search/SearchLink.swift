import ShelfCore
import ShelfStore

/// A search URL with its parameters in a fixed order, so the same search is always the same
/// link: `/fn/search?q=wool&colour=Navy&max=100&page=2`.
struct SearchLink {
    private var pairs: [(String, String)] = []

    /// The parameters of `input`, empty ones left out.
    init(_ input: SearchInput) {
        let query = input.query
        add("q", query.text)
        for category in query.categories.sorted() { add("category", category) }
        for brand in query.brands.sorted() { add("brand", brand) }
        for (slug, values) in query.options.sorted(by: { $0.key < $1.key }) {
            for value in values.sorted() { add(slug, value) }
        }
        add("min", input.lowest)
        add("max", input.highest)
        if query.inStockOnly { add("stock", "1") }
        if query.onSaleOnly { add("sale", "1") }
        if let stars = query.minimumRating { add("rating", String(stars)) }
        if query.sort != .relevance { add("sort", query.sort.rawValue) }
    }

    /// The link to `page` of these results (no parameter for the first).
    func url(page: Int = 1) -> String {
        let all = pairs + (page > 1 ? [("page", String(page))] : [])
        guard !all.isEmpty else { return "/fn/search" }
        return "/fn/search?" + all.map { "\($0)=\(PercentEncoding.encode($1, spaceAsPlus: true))" }.joined(separator: "&")
    }

    private mutating func add(_ name: String, _ value: String) {
        if !value.isEmpty { pairs.append((name, value)) }
    }
}

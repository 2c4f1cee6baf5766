import ShelfCore

extension Store {
    /// Searches the published products: words matched against the index (`shelf build` writes
    /// it), facet choices, prices and stock read live, one page of ``SearchQuery/pageSize``.
    ///
    /// The words are ``SearchWords``; the last one also matches as a prefix, as the shopper
    /// types, and a word of five letters or more that no product uses also matches the
    /// catalogue words one typo away. When nothing matches, ``SearchResults/suggestion`` holds
    /// the query spelled with the nearest catalogue words.
    ///
    /// ```swift
    /// let results = try store.search(SearchQuery(text: "wool jumpers"))
    /// print(results.total, results.products.map(\.title))
    /// ```
    public func search(_ query: SearchQuery) throws -> SearchResults {
        try database.snapshot { try searchInSnapshot(query) }
    }

    private func searchInSnapshot(_ query: SearchQuery) throws -> SearchResults {
        let words = Array(SearchWords.queryWords(in: query.text).prefix(SearchQuery.maxWords))
        let spelling = try spellings(of: words)
        let catalogue = try searchCache.catalogue(database)
        let matched =
            words.isEmpty
            ? catalogue.products.indices.map { ($0, Int64(0)) }
            : catalogue.ranking.match(
                try spelling.terms.map { spellings in
                    try spellings.map { try postings(of: $0, version: catalogue.indexVersion) }
                })
        let ratings = try searchRatings(catalogue)
        let tally = SearchTally(
            catalogue, matched: matched, query: query, optionNames: Self.optionNames(catalogue), averages: ratings.averages)
        var results = SearchResults(
            total: tally.total, products: try searchHits(tally.page, reviews: ratings.summaries), facets: tally.facets,
            corrections: spelling.corrections, suggestion: nil)
        if tally.total == 0, !words.isEmpty { results.suggestion = try suggestion(for: words) }
        return results
    }

    /// The options products have, by slug (`colour` → `Colour`): the facets a search can
    /// narrow by besides categories, brands, prices and stock.
    public func searchableOptions() throws -> [String: String] {
        Self.optionNames(try database.snapshot { try searchCache.catalogue(database) })
    }

    /// The approved reviews' summaries, with their averages in the order of `catalogue` when
    /// given, read again only when the review clock moved.
    func searchRatings(_ catalogue: SearchCatalogue?) throws -> SearchRatings {
        try searchCache.ratings(version: try reviewVersion(), catalogue: catalogue) { try reviewSummaries() }
    }

    /// The options of the indexed products by slug; of two names with one slug, the first in order.
    private static func optionNames(_ catalogue: SearchCatalogue) -> [String: String] {
        var names: [String: String] = [:]
        for name in catalogue.options.map(\.name).sorted() where names[Slug.make(name)] == nil {
            names[Slug.make(name)] = name
        }
        return names
    }

    /// `?, ?, ?`: one placeholder per value.
    static func marks(_ count: Int) -> String {
        Array(repeating: "?", count: count).joined(separator: ", ")
    }
}

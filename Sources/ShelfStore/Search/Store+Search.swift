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
        let dialect = database.dialect.search
        let words = Array(SearchWords.queryWords(in: query.text).prefix(SearchQuery.maxWords))
        let spelling = try spellings(of: words)
        let catalogue = try searchCache.catalogue(database)
        var matched: [(product: Int, rank: Int64)] = []
        if words.isEmpty {
            matched = catalogue.products.indices.map { ($0, 0) }
        } else {
            // Ranks are real numbers (as small as 1e-6 on a small catalogue), read as integers of 1e-12.
            let rows = try database.query(
                "SELECT key, CAST(rank * 1000000000000 AS BIGINT) AS rank FROM (\(dialect.match)) m",
                dialect.matchArguments(dialect.expression(spelling.terms)))
            matched.reserveCapacity(rows.count)
            for row in rows {
                if let product = catalogue.keys[try row.value("key")] { matched.append((product, try row.int64("rank"))) }
            }
        }
        let tally = SearchTally(catalogue, matched: matched, query: query, optionNames: Self.optionNames(catalogue))
        var results = SearchResults(
            total: tally.total, products: try hits(tally.page), facets: tally.facets, corrections: spelling.corrections, suggestion: nil)
        if tally.total == 0, !words.isEmpty { results.suggestion = try suggestion(for: words) }
        return results
    }

    /// The options products have, by slug (`colour` → `Colour`): the facets a search can
    /// narrow by besides categories, brands, prices and stock.
    public func searchableOptions() throws -> [String: String] {
        Self.optionNames(try database.snapshot { try searchCache.catalogue(database) })
    }

    /// The options of the indexed products by slug; of two names with one slug, the first in order.
    private static func optionNames(_ catalogue: SearchCatalogue) -> [String: String] {
        var names: [String: String] = [:]
        for name in catalogue.options.map(\.name).sorted() where names[Slug.make(name)] == nil {
            names[Slug.make(name)] = name
        }
        return names
    }

    /// The cards of `handles`, in that order, priced and checked for stock now.
    private func hits(_ handles: [String]) throws -> [SearchHit] {
        guard !handles.isEmpty else { return [] }
        let marks = Self.marks(handles.count)
        let arguments = handles.map { SQLValue.text($0) }
        var variants: [String: [(price: Money, compareAt: Money?, available: Int)]] = [:]
        let rows = try database.query(
            """
            SELECT v.product_handle, v.price_minor, v.compare_at_minor, v.currency, s.on_hand - s.reserved - s.allocated AS available
            FROM variants v JOIN stock s ON s.sku = v.sku
            WHERE v.active = 1 AND v.product_handle IN (\(marks)) ORDER BY v.product_handle, v.position
            """, arguments)
        for row in rows {
            let currency = try Currency(code: try row.text("currency"))
            variants[try row.text("product_handle"), default: []].append(
                (
                    Money(minorUnits: try row.int64("price_minor"), currency: currency),
                    try row.optionalInt64("compare_at_minor").map { Money(minorUnits: $0, currency: currency) },
                    try row.int("available")
                ))
        }
        var hits: [String: SearchHit] = [:]
        let documents = try database.query(
            "SELECT handle, title, brand, image_src, image_alt, swatches FROM search_documents WHERE handle IN (\(marks))", arguments)
        for row in documents {
            let handle = try row.text("handle")
            guard let offered = variants[handle], let lowest = offered.min(by: { $0.price < $1.price }) else { continue }
            let image = try row.optionalText("image_src").map { (src: $0, alt: try row.optionalText("image_alt") ?? "") }
            hits[handle] = SearchHit(
                handle: handle, title: try row.text("title"), brand: try row.optionalText("brand"), image: image,
                swatches: Self.swatches(try row.text("swatches")), price: lowest.price,
                pricesVary: offered.contains { $0.price != lowest.price },
                compareAt: lowest.compareAt.flatMap { $0 > lowest.price ? $0 : nil },
                soldOut: !offered.contains { $0.available > 0 })
        }
        return handles.compactMap { hits[$0] }
    }

    /// `?, ?, ?`: one placeholder per value.
    static func marks(_ count: Int) -> String {
        Array(repeating: "?", count: count).joined(separator: ", ")
    }

    /// The swatches column, `[["Forest", "#2f4f3a"], …]`; anything else reads as none.
    private static func swatches(_ text: String) -> [(name: String, colour: String)] {
        guard case .array(let items)? = try? JSON.parse(Array(text.utf8), maxDepth: 4) else { return [] }
        return items.compactMap { item in
            guard case .array(let pair) = item, pair.count == 2, case .string(let name) = pair[0], case .string(let colour) = pair[1]
            else { return nil }
            return (name, colour)
        }
    }
}

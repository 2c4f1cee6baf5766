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
        let dialect = database.dialect.search
        let words = Array(SearchWords.queryWords(in: query.text).prefix(SearchQuery.maxWords))
        let spelling = try spellings(of: words)
        let matched: (sql: String, arguments: [SQLValue]) =
            words.isEmpty
            ? ("SELECT handle, 0 AS rank FROM search_documents", [])
            : (dialect.match, dialect.matchArguments(dialect.expression(spelling.terms)))
        let optionNames = try searchableOptions()
        let filter = SearchFilter(query, matched: matched, optionNames: optionNames)

        let count = filter.sql(select: "COUNT(DISTINCT d.handle) AS total")
        let total = try database.query(count.sql, count.arguments).first?.int("total") ?? 0
        let order: String =
            switch query.sort {
            case .relevance: "m.rank, d.released DESC, d.title, d.handle"
            case .newest: "d.released DESC, d.title, d.handle"
            case .priceLowHigh: "MIN(v.price_minor), d.title, d.handle"
            case .priceHighLow: "MIN(v.price_minor) DESC, d.title, d.handle"
            }
        let page = filter.sql(
            select: "d.handle", end: "GROUP BY d.handle, m.rank, d.released, d.title ORDER BY \(order) LIMIT ? OFFSET ?",
            endArguments: [.int(SearchQuery.pageSize), .integer(Int64(max(0, query.page - 1)) * Int64(SearchQuery.pageSize))])
        let handles = try database.query(page.sql, page.arguments).map { try $0.text("handle") }

        var results = SearchResults(
            total: total, products: try hits(handles), facets: try facets(filter, optionNames: optionNames),
            corrections: spelling.corrections, suggestion: nil)
        if total == 0, !words.isEmpty { results.suggestion = try suggestion(for: words) }
        return results
    }

    /// The options products have, by slug (`colour` → `Colour`): the facets a search can
    /// narrow by besides categories, brands, prices and stock.
    public func searchableOptions() throws -> [String: String] {
        var names: [String: String] = [:]
        for row in try database.query("SELECT DISTINCT name FROM variant_options ORDER BY name") {
            let name = try row.text("name")
            if names[Slug.make(name)] == nil { names[Slug.make(name)] = name }
        }
        return names
    }

    /// The cards of `handles`, in that order, priced and checked for stock now.
    private func hits(_ handles: [String]) throws -> [SearchHit] {
        guard !handles.isEmpty else { return [] }
        let marks = SearchFilter.marks(handles.count)
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

    /// Each facet's values under every choice but its own.
    private func facets(_ filter: SearchFilter, optionNames: [String: String]) throws -> SearchFacets {
        var facets = SearchFacets()
        let categories = filter.sql(
            select: "pc.category_handle AS value, COUNT(DISTINCT d.handle) AS products",
            join: "JOIN product_categories pc ON pc.product_handle = d.handle JOIN categories c ON c.handle = pc.category_handle",
            leaving: [.categories], end: "GROUP BY pc.category_handle, c.position ORDER BY c.position")
        facets.categories = try counts(categories)
        let brands = filter.sql(
            select: "d.brand AS value, COUNT(DISTINCT d.handle) AS products", extra: ["d.brand IS NOT NULL"], leaving: [.brands],
            end: "GROUP BY d.brand ORDER BY d.brand")
        facets.brands = try counts(brands)
        for (slug, name) in optionNames.sorted(by: { $0.key < $1.key }) {
            let values = filter.sql(
                select: "fo.value AS value, COUNT(DISTINCT d.handle) AS products",
                join: "JOIN variant_options fo ON fo.sku = v.sku AND fo.name = ?", joinArguments: [.text(name)],
                leaving: [.option(slug)], end: "GROUP BY fo.value ORDER BY MIN(v.position), fo.value")
            facets.options.append(OptionFacet(name: name, slug: slug, values: try counts(values)))
        }
        let inStock = filter.sql(
            select: "COUNT(DISTINCT d.handle) AS total", extra: ["s.on_hand - s.reserved - s.allocated > 0"], leaving: [.inStock])
        facets.inStock = try database.query(inStock.sql, inStock.arguments).first?.int("total") ?? 0
        return facets
    }

    private func counts(_ statement: (sql: String, arguments: [SQLValue])) throws -> [FacetCount] {
        try database.query(statement.sql, statement.arguments).map {
            FacetCount(value: try $0.text("value"), count: try $0.int("products"))
        }
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

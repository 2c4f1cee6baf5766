import ShelfCore

extension Store {
    /// The cards of `handles`, in that order, priced and checked for stock now, with their
    /// summaries from `reviews`; a handle with no active variant is left out.
    func searchHits(_ handles: [String], reviews: [String: ReviewSummary]) throws -> [SearchHit] {
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
                swatches: Self.searchSwatches(try row.text("swatches")), price: lowest.price,
                pricesVary: offered.contains { $0.price != lowest.price },
                compareAt: lowest.compareAt.flatMap { $0 > lowest.price ? $0 : nil },
                soldOut: !offered.contains { $0.available > 0 }, reviews: reviews[handle])
        }
        return handles.compactMap { hits[$0] }
    }

    /// The swatches column, `[["Forest", "#2f4f3a"], …]`; anything else reads as none.
    private static func searchSwatches(_ text: String) -> [(name: String, colour: String)] {
        guard case .array(let items)? = try? JSON.parse(Array(text.utf8), maxDepth: 4) else { return [] }
        return items.compactMap { item in
            guard case .array(let pair) = item, pair.count == 2, case .string(let name) = pair[0], case .string(let colour) = pair[1]
            else { return nil }
            return (name, colour)
        }
    }
}

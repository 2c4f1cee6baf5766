import ShelfConfig
import ShelfCore
import ShelfHTTP
import ShelfStore

/// What the results page shows, shaped for the theme's `search` template: the form's current
/// values, the facets as checkboxes with counts, the product cards and the pagination.
struct SearchView {
    let input: SearchInput
    let results: SearchResults
    let context: FunctionContext

    /// One facet of the form: its parameter name, its legend and its values.
    struct Group {
        var name: String
        var legend: String
        var values: [Choice]
    }

    /// One checkbox: the value sent, the label shown, the count, and whether it is chosen.
    struct Choice {
        var value: String
        var label: String
        var count: Int
        var checked: Bool
    }

    /// Category, brand and option facets; chosen values the results no longer contain stay,
    /// with a count of 0, so the shopper can untick them.
    var facetGroups: [Group] {
        let query = input.query
        let titles = Dictionary(context.config.categories.map { ($0.handle, $0.title) }, uniquingKeysWith: { first, _ in first })
        var groups = [
            Self.group("category", "Category", results.facets.categories, chosen: query.categories) { titles[$0] ?? $0 },
            Self.group("brand", "Brand", results.facets.brands, chosen: query.brands) { $0 },
        ]
        for option in results.facets.options {
            groups.append(Self.group(option.slug, option.name, option.values, chosen: query.options[option.slug] ?? []) { $0 })
        }
        return groups.filter { !$0.values.isEmpty }
    }

    private static func group(
        _ name: String, _ legend: String, _ counts: [FacetCount], chosen: Set<String>, label: (String) -> String
    ) -> Group {
        var values = counts.map { count in
            Choice(
                value: count.value, label: label(count.value), count: count.count,
                checked: chosen.contains { $0.lowercased() == count.value.lowercased() })
        }
        for missing in chosen.sorted() where !values.contains(where: { $0.value.lowercased() == missing.lowercased() }) {
            values.append(Choice(value: missing, label: label(missing), count: 0, checked: true))
        }
        return Group(name: name, legend: legend, values: values)
    }

    /// A price range offered as a link that sets both bounds (or clears them when chosen).
    struct PriceRange {
        var label: String
        var lowest: String?
        var highest: String?
        var count: Int
        var selected: Bool
        var url: String
    }

    /// The price ranges with products in them, and the chosen one even when it has none.
    var priceRanges: [PriceRange] {
        let currency = context.config.currency
        return results.facets.priceRanges.compactMap { range in
            let selected = input.query.lowestPrice == range.lowest && input.query.highestPrice == range.highest
            guard range.count > 0 || selected else { return nil }
            let lowest = range.lowest.map { Money(minorUnits: $0, currency: currency) }
            let highest = range.highest.map { Money(minorUnits: $0, currency: currency) }
            let label: String =
                switch (lowest, highest) {
                case (nil, let highest?): "Under \(context.prices.string(Money(minorUnits: highest.minorUnits + 1, currency: currency)))"
                case (let lowest?, nil): "\(context.prices.string(lowest)) and over"
                case (let lowest?, let highest?): "\(context.prices.string(lowest)) to \(context.prices.string(highest))"
                case (nil, nil): "Any price"
                }
            var chosen = input
            chosen.lowest = selected ? "" : lowest?.decimalString ?? ""
            chosen.highest = selected ? "" : highest?.decimalString ?? ""
            return PriceRange(
                label: label, lowest: lowest?.decimalString, highest: highest?.decimalString, count: range.count, selected: selected,
                url: SearchLink(chosen).url())
        }
    }

    /// A rating choice, "4 stars & up", with its count and the link that sets it (or clears it
    /// when chosen).
    struct RatingChoice {
        var stars: Int
        var label: String
        var count: Int
        var selected: Bool
        var url: String
    }

    /// The rating choices with products in them, and the chosen one even when it has none.
    var ratingChoices: [RatingChoice] {
        results.facets.ratings.compactMap { rating in
            let selected = input.query.minimumRating == rating.stars
            guard rating.count > 0 || selected else { return nil }
            var chosen = input
            chosen.query.minimumRating = selected ? nil : rating.stars
            chosen.query.page = 1
            return RatingChoice(
                stars: rating.stars, label: "\(rating.stars) stars & up", count: rating.count, selected: selected,
                url: SearchLink(chosen).url())
        }
    }

    /// The form's rating radio buttons: any rating, then the choices; nil when none is offered.
    private var ratingValues: [String: Any]? {
        let choices = ratingChoices
        guard !choices.isEmpty else { return nil }
        return [
            "any": input.query.minimumRating == nil,
            "choices": choices.map { choice -> [String: Any] in
                [
                    "id": "search-rating-\(choice.stars)", "value": String(choice.stars), "label": choice.label, "count": choice.count,
                    "stars": String(repeating: "★", count: choice.stars) + String(repeating: "☆", count: 5 - choice.stars),
                    "checked": choice.selected,
                ]
            },
        ]
    }

    var values: [String: Any] {
        let query = input.query
        let link = SearchLink(input)
        var values: [String: Any] = [
            "query": query.text,
            "heading": query.text.isEmpty ? "All products" : "Results for “\(query.text)”",
            "count_label": results.total == 1 ? "1 product" : "\(results.total) products",
            "min": input.lowest, "max": input.highest, "currency": context.config.currency.code,
            "in_stock": ["checked": query.inStockOnly, "count": results.facets.inStock] as [String: Any],
            "on_sale": ["checked": query.onSaleOnly, "count": results.facets.onSale] as [String: Any],
            "price_ranges": priceRanges.map {
                ["label": $0.label, "count": $0.count, "selected": $0.selected, "url": $0.url] as [String: Any]
            },
            "sorts": SearchSort.allCases.map { ["value": $0.rawValue, "label": $0.label, "selected": $0 == query.sort] as [String: Any] },
            "products": results.products.map(card),
        ]
        values["facets"] = facetGroups.enumerated().map { groupIndex, group -> [String: Any] in
            [
                "name": group.name, "legend": group.legend,
                "values": group.values.enumerated().map { index, choice -> [String: Any] in
                    [
                        "id": "facet-\(groupIndex)-\(index)", "value": choice.value, "label": choice.label, "count": choice.count,
                        "checked": choice.checked,
                    ]
                },
            ]
        }
        var cleared = input
        cleared.query = SearchQuery(text: query.text)
        cleared.lowest = ""
        cleared.highest = ""
        if link.url() != SearchLink(cleared).url() { values["clear_url"] = SearchLink(cleared).url() }
        if let ratings = ratingValues { values["ratings"] = ratings }
        if !results.corrections.isEmpty {
            values["corrections"] = results.corrections.sorted { $0.key < $1.key }.flatMap(\.value).joined(separator: ", ")
        }
        if let suggestion = results.suggestion {
            var suggested = input
            suggested.query.text = suggestion
            suggested.query.page = 1
            values["suggestion"] = ["text": suggestion, "url": SearchLink(suggested).url()]
        }
        if !results.popular.isEmpty { values["popular"] = ["products": results.popular.map(card)] }
        if results.pages > 1 { values["pagination"] = pagination(link) }
        return values
    }

    /// A result as the theme's `partials/card` shows it, the same values the build gives it.
    private func card(_ hit: SearchHit) -> [String: Any] {
        var card: [String: Any] = [
            "title": hit.title, "handle": hit.handle, "url": "/products/\(hit.handle)/",
            "price": context.prices.string(hit.price),
        ]
        if let brand = hit.brand, !brand.isEmpty { card["brand"] = brand }
        if hit.pricesVary { card["from"] = true }
        if let compareAt = hit.compareAt {
            card["compare_at"] = context.prices.string(compareAt)
            card["on_sale"] = true
        }
        if hit.soldOut { card["sold_out"] = true }
        if let reviews = hit.reviews, reviews.count > 0 {
            let summary = ReviewTemplateValues.summary(reviews)
            card["rating"] = ["stars": summary["stars"] ?? "", "label": summary["stars_label"] ?? "", "count": reviews.count]
        }
        if let image = hit.image { card["image"] = ["src": image.src, "alt": image.alt] }
        if !hit.swatches.isEmpty { card["swatches"] = hit.swatches.map { ["name": $0.name, "colour": $0.colour] } }
        return card
    }

    /// The theme's `partials/pagination` values: the first, the last and two pages either side.
    private func pagination(_ link: SearchLink) -> [String: Any] {
        let current = input.query.page
        let count = results.pages
        let shown = Set([1, count] + Array(max(1, current - 2)...min(count, current + 2))).sorted()
        var numbers: [[String: Any]] = []
        for (index, number) in shown.enumerated() {
            if index > 0, number > shown[index - 1] + 1 { numbers.append(["gap": true]) }
            numbers.append(["number": number, "url": link.url(page: number), "current": number == current])
        }
        var pagination: [String: Any] = ["page": current, "pages": count, "numbers": numbers]
        if current > 1 { pagination["prev_url"] = link.url(page: current - 1) }
        if current < count { pagination["next_url"] = link.url(page: current + 1) }
        return pagination
    }
}

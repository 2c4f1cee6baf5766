import ShelfConfig
import ShelfCore
import ShelfStore

/// The form of a category's filter panel that combines filters: a GET to the search function
/// with the category fixed and a checkbox for each colour, size (any option) and brand value the
/// category offers, a price range, "in stock only" and, once its products have approved reviews,
/// the search function's rating choices, so a shopper can ask for navy or charcoal in M under 100
/// rated 4 stars and up at once. The single-filter links beside it stay for crawlers.
struct FilterForm {
    let model: SiteModel
    let category: String
    /// The active filter of a filter page, ticked in the form.
    let filter: (option: String, value: String)?

    /// The brands of the category's products, in the order they first appear (newest first).
    static func brands(of category: String, in model: SiteModel) -> [String] {
        var seen: Set<String> = []
        return (model.productsByCategory[category] ?? []).compactMap { index in
            guard let brand = model.newest[index].brand, !brand.isEmpty, seen.insert(brand).inserted else { return nil }
            return brand
        }
    }

    /// The search function's rating choices ("4 stars & up", "3 stars & up"), each with how many of
    /// the category's products have approved reviews averaging that much, to the tenth the badge
    /// shows; empty when none has, as the search function then offers none.
    static func ratings(of category: String, in model: SiteModel) -> [(stars: Int, count: Int)] {
        guard !model.reviews.summaries.isEmpty else { return [] }
        let averages = (model.productsByCategory[category] ?? []).map {
            model.reviews.summaries[model.newest[$0].handle]?.averageTenths ?? 0
        }
        return RatingCount.offered.map { stars in (stars, averages.filter { $0 >= stars * 10 }.count) }.filter { $0.count > 0 }
    }

    /// `partials/filters`' `form`: `action`, `category`, `currency`, `facets`, each with its
    /// `name` (the search parameter), `legend` and `values` (`id`, `value`, `label`, `count`,
    /// `swatch`, `checked`), and `ratings` when the category has rated products: its `choices`
    /// (`id`, `value`, `label`, `stars`, `count`).
    var values: Values {
        let facets = model.facets[category] ?? []
        var groups: [Values] = facets.map { facet in
            group(
                name: facet.slug, legend: facet.name,
                values: facet.values.map { ($0.value, $0.count, $0.swatch) })
        }
        let products = model.productsByCategory[category] ?? []
        let brands = Self.brands(of: category, in: model)
        if brands.count > 1 {
            let counts = brands.map { brand in products.filter { model.newest[$0].brand == brand }.count }
            groups.append(group(name: "brand", legend: "Brand", values: zip(brands, counts).map { ($0, $1, nil) }))
        }
        var form: Values = [
            "action": "/fn/search", "category": category, "currency": model.config.currency.code, "facets": groups,
        ]
        let ratings: [Values] = Self.ratings(of: category, in: model).map { rating in
            [
                "id": "filter-rating-\(rating.stars)", "value": String(rating.stars), "label": "\(rating.stars) stars & up",
                "stars": ReviewTemplateValues.stars(rounding: rating.stars * 10), "count": rating.count,
            ]
        }
        if !ratings.isEmpty { form["ratings"] = ["choices": ratings] as Values }
        return form
    }

    private func group(name: String, legend: String, values: [(String, Int, String?)]) -> Values {
        [
            "name": name, "legend": legend,
            "values": values.enumerated().map { index, choice -> Values in
                let (value, count, swatch) = choice
                var entry: Values = [
                    "id": "filter-\(name)-\(index + 1)", "value": value, "label": value, "count": count,
                    "checked": filter.map { $0.option == name && $0.value == value } ?? false,
                ]
                entry.setText("swatch", swatch)
                return entry
            },
        ]
    }
}

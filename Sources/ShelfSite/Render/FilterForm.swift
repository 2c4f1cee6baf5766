import ShelfConfig
import ShelfCore

/// The form of a category's filter panel that combines filters: a GET to the search function
/// with the category fixed and a checkbox for each colour, size (any option) and brand value the
/// category offers, a price range and "in stock only", so a shopper can ask for navy or charcoal
/// in M under 100 at once. The single-filter links beside it stay for crawlers.
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

    /// `partials/filters`' `form`: `action`, `category`, `currency` and `facets`, each with its
    /// `name` (the search parameter), `legend` and `values` (`id`, `value`, `label`, `count`,
    /// `swatch`, `checked`).
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
        return [
            "action": "/fn/search", "category": category, "currency": model.config.currency.code, "facets": groups,
        ]
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

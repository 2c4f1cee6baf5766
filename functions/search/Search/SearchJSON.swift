import ShelfCore
import ShelfHTTP
import ShelfStore

/// `search.json`: the results as the page shows them, for scripts (the header's suggestions).
/// Described in docs/openapi.yaml.
enum SearchJSON {
    static func value(_ input: SearchInput, _ results: SearchResults, _ context: FunctionContext) -> JSON {
        let view = SearchView(input: input, results: results, context: context)
        let product = { (hit: SearchHit) -> JSON in
            var members: [(String, JSON)] = [
                ("handle", .string(hit.handle)), ("title", .string(hit.title)), ("brand", hit.brand.map(JSON.string) ?? .null),
                ("url", .string("/products/\(hit.handle)/")), ("price", .string(context.prices.string(hit.price))),
                ("price_minor", .number(String(hit.price.minorUnits))), ("currency", .string(hit.price.currency.code)),
                ("from", .bool(hit.pricesVary)),
                ("compare_at", hit.compareAt.map { .string(context.prices.string($0)) } ?? .null),
                ("sold_out", .bool(hit.soldOut)),
            ]
            members.append(("rating", hit.reviews.flatMap(rating) ?? .null))
            members.append(("image", hit.image.map { .object([("src", .string($0.src)), ("alt", .string($0.alt))]) } ?? .null))
            return .object(members)
        }
        let products = results.products.prefix(input.limit ?? results.products.count).map(product)
        let facets = view.facetGroups.map { group -> JSON in
            .object([
                ("name", .string(group.name)), ("label", .string(group.legend)),
                (
                    "values",
                    .array(
                        group.values.map {
                            .object([
                                ("value", .string($0.value)), ("label", .string($0.label)), ("count", .number(String($0.count))),
                                ("selected", .bool($0.checked)),
                            ])
                        })
                ),
            ])
        }
        return .object([
            ("query", .string(input.query.text)), ("total", .number(String(results.total))),
            ("page", .number(String(input.query.page))), ("pages", .number(String(results.pages))),
            ("sort", .string(input.query.sort.rawValue)), ("products", .array(products)), ("facets", .array(facets)),
            ("in_stock", .number(String(results.facets.inStock))), ("on_sale", .number(String(results.facets.onSale))),
            (
                "price_ranges",
                .array(
                    view.priceRanges.map {
                        .object([
                            ("label", .string($0.label)), ("min", $0.lowest.map(JSON.string) ?? .null),
                            ("max", $0.highest.map(JSON.string) ?? .null), ("count", .number(String($0.count))),
                            ("selected", .bool($0.selected)), ("url", .string($0.url)),
                        ])
                    })
            ),
            (
                "ratings",
                .array(
                    view.ratingChoices.map {
                        .object([
                            ("stars", .number(String($0.stars))), ("label", .string($0.label)), ("count", .number(String($0.count))),
                            ("selected", .bool($0.selected)), ("url", .string($0.url)),
                        ])
                    })
            ),
            (
                "corrections",
                .array(
                    results.corrections.sorted { $0.key < $1.key }.map {
                        .object([("word", .string($0.key)), ("spellings", .array($0.value.map(JSON.string)))])
                    })
            ),
            ("suggestion", results.suggestion.map(JSON.string) ?? .null),
            ("popular", .array(results.popular.map(product))),
        ])
    }

    /// `{"average": 4.5, "count": 12}`: the approved reviews' average to a tenth and their
    /// number; nil without any.
    private static func rating(_ reviews: ReviewSummary) -> JSON? {
        guard reviews.count > 0 else { return nil }
        let average = "\(reviews.averageTenths / 10).\(reviews.averageTenths % 10)"
        return .object([("average", .number(average)), ("count", .number(String(reviews.count)))])
    }
}

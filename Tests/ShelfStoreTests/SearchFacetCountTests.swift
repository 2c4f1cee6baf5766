import ShelfCore
import ShelfTesting
import Testing

@testable import ShelfStore

/// The facet counts of the one-pass tally equal a count made the slow, obvious way over the
/// fixture products (each facet: the products with a variant that passes every choice but the
/// facet's own), on both engines.
struct SearchFacetCountTests {
    /// Sold out: the jumper's grey S and the tee's navy L.
    static let soldOut: Set<String> = ["NAV-GRE-S", "CRE-NAV-L"]

    /// Choices to count under: none, a colour, a size with a price ceiling, two categories in
    /// stock, a brand on sale.
    static let queries: [SearchQuery] = {
        var colour = SearchQuery()
        colour.options["colour"] = ["navy"]
        var size = SearchQuery()
        size.options["size"] = ["M"]
        size.highestPrice = 10_000
        var categories = SearchQuery()
        categories.categories = ["knitwear", "tees"]
        categories.inStockOnly = true
        var brand = SearchQuery()
        brand.brands = ["Northwool"]
        brand.options["colour"] = ["Navy", "Grey"]
        var sale = SearchQuery()
        sale.onSaleOnly = true
        return [SearchQuery(), colour, size, categories, brand, sale]
    }()

    /// Whether a variant passes the query's choices, leaving out those of `facet`.
    static func passes(_ variant: Variant, of product: Product, _ query: SearchQuery, without facet: String) -> Bool {
        let price = variant.price.minorUnits
        let colour = variant.optionValues[0].lowercased()
        let size = variant.optionValues[1].lowercased()
        return (facet == "price" || (query.lowestPrice.map { price >= $0 } ?? true) && (query.highestPrice.map { price <= $0 } ?? true))
            && (facet == "stock" || !query.inStockOnly || !soldOut.contains(variant.sku))
            && (facet == "sale" || !query.onSaleOnly || (variant.compareAtPrice.map { $0 > variant.price } ?? false))
            && (facet == "colour" || query.options["colour"].map { $0.map { $0.lowercased() }.contains(colour) } ?? true)
            && (facet == "size" || query.options["size"].map { $0.map { $0.lowercased() }.contains(size) } ?? true)
    }

    /// The products passing every choice but `facet` (a category or brand choice is left out
    /// when that facet is counted) that have a variant for which `counts` holds.
    static func count(_ query: SearchQuery, without facet: String, where counts: (Product, Variant) -> Bool) -> Int {
        SearchFacetTests.products.filter { product in
            let inCategory = facet == "category" || query.categories.isEmpty || !query.categories.isDisjoint(with: product.categories)
            let ofBrand = facet == "brand" || query.brands.isEmpty || product.brand.map(query.brands.contains) == true
            return inCategory && ofBrand
                && product.variants.contains { passes($0, of: product, query, without: facet) && counts(product, $0) }
        }.count
    }

    @Test(arguments: 0..<queries.count)
    func countsEqualACountOverTheProducts(query index: Int) throws {
        let query = Self.queries[index]
        try withTemporaryStore { store in
            try store.syncCatalogue(SearchFacetTests.products, categories: SearchTests.categories)
            try store.indexForSearch(SearchFacetTests.products, categories: SearchTests.categories)
            for product in SearchFacetTests.products {
                for variant in product.variants { try store.setStock(variant.sku, to: Self.soldOut.contains(variant.sku) ? 0 : 3) }
            }
            let results = try store.search(query)
            #expect(results.total == Self.count(query, without: "") { _, _ in true })
            for category in SearchTests.categories {
                let expected = Self.count(query, without: "category") { product, _ in product.categories.contains(category.handle) }
                #expect(results.facets.categories.first { $0.value == category.handle }?.count ?? 0 == expected, "\(category.handle)")
            }
            for brand in ["Northwool", "Field & Co"] {
                let expected = Self.count(query, without: "brand") { product, _ in product.brand == brand }
                #expect(results.facets.brands.first { $0.value == brand }?.count ?? 0 == expected, "\(brand)")
            }
            for (slug, slot) in [("colour", 0), ("size", 1)] {
                let facet = results.facets.options.first { $0.slug == slug }
                let values = Set(SearchFacetTests.products.flatMap { $0.variants.map { $0.optionValues[slot] } })
                for value in values {
                    let expected = Self.count(query, without: slug) { _, variant in variant.optionValues[slot] == value }
                    #expect(facet?.values.first { $0.value == value }?.count ?? 0 == expected, "\(slug) \(value)")
                }
            }
            #expect(results.facets.inStock == Self.count(query, without: "stock") { _, variant in !Self.soldOut.contains(variant.sku) })
            #expect(
                results.facets.onSale
                    == Self.count(query, without: "sale") { _, variant in variant.compareAtPrice.map { $0 > variant.price } ?? false })
            for range in results.facets.priceRanges {
                let expected = Self.count(query, without: "price") { _, variant in
                    variant.price.minorUnits >= (range.lowest ?? 0) && variant.price.minorUnits <= (range.highest ?? .max)
                }
                #expect(range.count == expected)
            }
        }
    }
}

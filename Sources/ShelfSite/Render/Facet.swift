import ShelfCore

/// One option shoppers can filter a category by (Colour), with the values its products offer.
struct Facet {
    var slug: String
    var name: String
    var values: [Value]

    struct Value {
        var value: String
        var swatch: String?
        /// Indices (in `SiteModel.newest`) of the products with a variant of this value, newest first.
        var products: [Int]
        var count: Int { products.count }
    }

    /// The facets of a set of products, values in the order the products list them.
    static func facets(of indices: [Int], in products: [Product]) -> [Facet] {
        var facets: [Facet] = []
        var positions: [String: Int] = [:]
        for productIndex in indices {
            let product = products[productIndex]
            for (index, option) in product.options.enumerated() {
                let facetIndex: Int
                if let known = positions[option.slug] {
                    facetIndex = known
                } else {
                    facetIndex = facets.count
                    positions[option.slug] = facetIndex
                    facets.append(Facet(slug: option.slug, name: option.name, values: []))
                }
                // Insert unseen values right after the previous value of this product, so sizes
                // keep their XS…3XL order even when products offer different ranges.
                var insertAt = 0
                for value in option.values where product.variants.contains(where: { $0.optionValues[index] == value.value }) {
                    if let position = facets[facetIndex].values.firstIndex(where: { $0.value == value.value }) {
                        facets[facetIndex].values[position].products.append(productIndex)
                        insertAt = position + 1
                    } else {
                        facets[facetIndex].values.insert(
                            Value(value: value.value, swatch: value.swatch, products: [productIndex]), at: insertAt)
                        insertAt += 1
                    }
                }
            }
        }
        return facets
    }

    /// Changes exactly when what a filter sidebar shows changes.
    static func fingerprint(_ facets: [Facet]) -> UInt64 {
        var hasher = StableHasher()
        for facet in facets {
            hasher.combine(facet.slug + "\t" + facet.name)
            for value in facet.values { hasher.combine("\(value.value)\t\(value.swatch ?? "")\t\(value.count)") }
        }
        return hasher.value
    }
}

import ShelfCore

/// A product as the catalogue tables hold it, built either from content or from the rows, so
/// that a sync can tell an unchanged product from a changed one by comparing two records.
struct CatalogueRecord: Equatable {
    var published: Bool
    /// Category handles, main category first.
    var categories: [String]
    /// The active variants, in display order.
    var variants: [VariantRecord]

    init(published: Bool, categories: [String] = [], variants: [VariantRecord] = []) {
        self.published = published
        self.categories = categories
        self.variants = variants
    }

    init(_ product: Product) {
        self.init(published: product.published, categories: product.categories, variants: product.variants.map(VariantRecord.init))
    }
}

/// A variant's row: its SKU and prices.
struct VariantRecord: Equatable {
    var sku: String
    var priceMinor: Int64
    var compareAtMinor: Int64?
    var currency: String

    init(sku: String, priceMinor: Int64, compareAtMinor: Int64?, currency: String) {
        self.sku = sku
        self.priceMinor = priceMinor
        self.compareAtMinor = compareAtMinor
        self.currency = currency
    }

    init(_ variant: Variant) {
        self.init(
            sku: variant.sku, priceMinor: variant.price.minorUnits, compareAtMinor: variant.compareAtPrice?.minorUnits,
            currency: variant.price.currency.code)
    }
}

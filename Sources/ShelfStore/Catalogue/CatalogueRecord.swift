import ShelfCore

/// A product as the catalogue tables hold it, built either from content or from the rows, so
/// that a sync can tell an unchanged product from a changed one by comparing two records.
struct CatalogueRecord: Equatable {
    var title: String
    var published: Bool
    /// Category handles, main category first.
    var categories: [String]
    /// The active variants, in display order.
    var variants: [VariantRecord]

    init(title: String, published: Bool, categories: [String] = [], variants: [VariantRecord] = []) {
        self.title = title
        self.published = published
        self.categories = categories
        self.variants = variants
    }

    init(_ product: Product) {
        self.init(
            title: product.title, published: product.published, categories: product.categories,
            variants: product.variants.map { VariantRecord($0, of: product) })
    }
}

/// A variant's row: its SKU, prices, options and picture.
struct VariantRecord: Equatable {
    var sku: String
    var priceMinor: Int64
    var compareAtMinor: Int64?
    var currency: String
    /// Option names with the variant's values, in the product's option order.
    var options: [VariantOption]
    var imageSrc: String?
    var imageAlt: String?

    init(
        sku: String, priceMinor: Int64, compareAtMinor: Int64?, currency: String, options: [VariantOption] = [],
        imageSrc: String? = nil, imageAlt: String? = nil
    ) {
        self.sku = sku
        self.priceMinor = priceMinor
        self.compareAtMinor = compareAtMinor
        self.currency = currency
        self.options = options
        self.imageSrc = imageSrc
        self.imageAlt = imageAlt
    }

    init(_ variant: Variant, of product: Product) {
        let image = product.image(of: variant)
        self.init(
            sku: variant.sku, priceMinor: variant.price.minorUnits, compareAtMinor: variant.compareAtPrice?.minorUnits,
            currency: variant.price.currency.code, options: product.options(of: variant), imageSrc: image?.src, imageAlt: image?.alt)
    }
}

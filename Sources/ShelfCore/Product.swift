/// A product of the catalogue as the merchant wrote it, after validation.
///
/// Titles, descriptions and images live in content files, their one home. The database keeps
/// what live state needs (handles, SKUs, prices, categories, published flags, stock) plus a
/// snapshot of the display fields the functions show (title, option values, the variant's
/// picture), refreshed by every build.
public struct Product: Hashable, Sendable {
    /// The URL name, unique in the store (`organic-cotton-tee`).
    public var handle: String
    public var title: String
    public var brand: String?
    /// Category handles, the first one being the product's main category.
    public var categories: [String]
    public var tags: [String]
    public var options: [ProductOption]
    public var variants: [Variant]
    public var images: [ProductImage]
    public var seoTitle: String?
    public var seoDescription: String?
    public var published: Bool
    /// The release date as `YYYY-MM-DD`; orders "newest" listings.
    public var date: String
    public var featured: Bool
    /// Hand-picked related product handles; when empty the build picks from the same category.
    public var related: [String]
    /// The Markdown body rendered to HTML.
    public var descriptionHTML: String
    /// The first paragraph of the body as plain text, for summaries and meta descriptions.
    public var summary: String

    public init(
        handle: String, title: String, brand: String? = nil, categories: [String] = [], tags: [String] = [],
        options: [ProductOption] = [], variants: [Variant], images: [ProductImage] = [],
        seoTitle: String? = nil, seoDescription: String? = nil, published: Bool = true,
        date: String = "1970-01-01", featured: Bool = false, related: [String] = [],
        descriptionHTML: String = "", summary: String = ""
    ) {
        self.handle = handle
        self.title = title
        self.brand = brand
        self.categories = categories
        self.tags = tags
        self.options = options
        self.variants = variants
        self.images = images
        self.seoTitle = seoTitle
        self.seoDescription = seoDescription
        self.published = published
        self.date = date
        self.featured = featured
        self.related = related
        self.descriptionHTML = descriptionHTML
        self.summary = summary
    }

    /// The lowest variant price: what "from" prices and price sorting use.
    public var lowestPrice: Money? { variants.map(\.price).min() }
}

/// A way a product varies, such as Colour or Size, with its values in display order.
public struct ProductOption: Hashable, Sendable {
    public var name: String
    public var values: [OptionValue]

    public init(name: String, values: [OptionValue]) {
        self.name = name
        self.values = values
    }

    /// The URL and lookup form of the name (`colour`).
    public var slug: String { Slug.make(name) }

    /// True when the values carry swatch colours, so pickers show swatches rather than boxes.
    public var hasSwatches: Bool { values.contains { $0.swatch != nil } }
}

/// One value of an option (`Forest`), with an optional CSS colour for its swatch (`#2f4f3a`).
public struct OptionValue: Hashable, Sendable {
    public var value: String
    public var swatch: String?

    public init(_ value: String, swatch: String? = nil) {
        self.value = value
        self.swatch = swatch
    }
}

/// A buyable combination of option values with its own SKU and price.
public struct Variant: Hashable, Sendable {
    public var sku: String
    /// One value per product option, in the order of `Product.options`.
    public var optionValues: [String]
    public var price: Money
    /// The former price, shown struck through when higher than `price`.
    public var compareAtPrice: Money?

    public init(sku: String, optionValues: [String] = [], price: Money, compareAtPrice: Money? = nil) {
        self.sku = sku
        self.optionValues = optionValues
        self.price = price
        self.compareAtPrice = compareAtPrice
    }

    /// True when a higher former price makes this variant on sale.
    public var isOnSale: Bool { compareAtPrice.map { $0 > price } ?? false }
}

/// A product picture: a path under the store's `static/` folder, its alt text, and optionally
/// the option value it shows (`Forest`), so the gallery can follow the chosen colour.
public struct ProductImage: Hashable, Sendable {
    public var src: String
    public var alt: String
    public var optionValue: String?

    public init(src: String, alt: String, optionValue: String? = nil) {
        self.src = src
        self.alt = alt
        self.optionValue = optionValue
    }
}

/// A catalogue category declared in `shelf.toml`.
public struct Category: Hashable, Sendable {
    public var handle: String
    public var title: String
    public var description: String

    public init(handle: String, title: String, description: String = "") {
        self.handle = handle
        self.title = title
        self.description = description
    }
}

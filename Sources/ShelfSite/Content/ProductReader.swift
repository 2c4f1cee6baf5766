import ShelfConfig
import ShelfCore

/// Reads one product file into a validated `Product`.
///
/// Checks only what one file can tell; rules across files (duplicate handles and SKUs,
/// declared categories, existing images) are the loader's.
struct ProductReader {
    let currency: Currency

    private static let keys: Set<String> = [
        "title", "handle", "brand", "categories", "tags", "date", "featured", "published", "price",
        "compare_at", "options", "variants", "images", "related", "seo",
    ]

    /// The product with the line of each SKU and image, for later cross-file checks.
    struct Result: Sendable {
        var product: Product
        var skuLines: [String: Int]
        var imageLines: [String: Int]
        var categoriesLine: Int
    }

    func read(_ text: String, file: String, defaultHandle: String) throws(SiteError) -> Result {
        let parts = try FrontMatter(splitting: text, file: file)
        let root = try YAMLValue.parse(parts.yaml, file: file, firstLine: parts.yamlFirstLine)
        let fields = try root.fields("the product", allowed: Self.keys)

        let title = try fields.required("title").text("title")
        let handle = try fields.text("handle") ?? defaultHandle
        guard Slug.isValid(handle) else {
            throw (fields["handle"] ?? root).error(
                "handle \"\(handle)\" must be lower case letters, digits and dashes, like \"\(Slug.make(handle))\"")
        }
        let defaultPrice = try fields["price"].map { value throws(SiteError) in try money(value, "price") }
        let defaultCompareAt = try fields["compare_at"].map { value throws(SiteError) in try money(value, "compare_at") }
        let options = try readOptions(fields["options"])
        var skuLines: [String: Int] = [:]
        let variants = try readVariants(
            try fields.required("variants"), options: options, price: defaultPrice, compareAt: defaultCompareAt,
            skuLines: &skuLines)
        var imageLines: [String: Int] = [:]
        let images = try readImages(fields["images"], options: options, lines: &imageLines)
        var seoTitle: String?
        var seoDescription: String?
        if let seo = fields["seo"] {
            let seoFields = try seo.fields("seo", allowed: ["title", "description"])
            seoTitle = try seoFields.text("title")
            seoDescription = try seoFields.text("description")
        }
        let body = Markdown.render(parts.body)
        let product = Product(
            handle: handle, title: title, brand: try fields.text("brand"),
            categories: try fields["categories"]?.strings("categories") ?? [],
            tags: try fields["tags"]?.strings("tags") ?? [],
            options: options, variants: variants, images: images,
            seoTitle: seoTitle, seoDescription: seoDescription,
            published: try fields["published"]?.bool("published") ?? true,
            date: try fields["date"]?.date("date") ?? "1970-01-01",
            featured: try fields["featured"]?.bool("featured") ?? false,
            related: try fields["related"]?.strings("related") ?? [],
            descriptionHTML: body.html, summary: body.summary)
        return Result(product: product, skuLines: skuLines, imageLines: imageLines, categoriesLine: (fields["categories"] ?? root).line)
    }

    /// ASCII letters and digits, `-`, `_` and `.`: compared as bytes, since a catalogue has
    /// many thousands of SKUs and Unicode character properties are slow to look up.
    private static func isSKUByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            true
        default:
            byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_") || byte == UInt8(ascii: ".")
        }
    }

    private func money(_ value: YAMLValue, _ what: String) throws(SiteError) -> Money {
        let text = try value.string(what)
        do {
            return try Money(parsing: text, in: currency)
        } catch {
            throw value.error("\(error.description)")
        }
    }

    private func readOptions(_ value: YAMLValue?) throws(SiteError) -> [ProductOption] {
        guard let value else { return [] }
        var options: [ProductOption] = []
        for item in try value.sequence("options") {
            let fields = try item.fields("an option", allowed: ["name", "values"])
            let name = try fields.required("name").text("name")
            if options.contains(where: { $0.slug == Slug.make(name) }) {
                throw item.error("option \"\(name)\" appears twice; merge its values into one option")
            }
            var values: [OptionValue] = []
            for entry in try fields.required("values").sequence("values of \(name)") {
                let optionValue: OptionValue
                if case .scalar = entry.node {
                    optionValue = OptionValue(try entry.text("a value of \(name)"))
                } else {
                    let valueFields = try entry.fields("a value of \(name)", allowed: ["value", "swatch"])
                    let swatch = try valueFields.text("swatch")
                    if let swatch, !isCSSColour(swatch) {
                        throw valueFields["swatch"]!.error("swatch \"\(swatch)\" must be a hex colour like \"#2f4f3a\"")
                    }
                    optionValue = OptionValue(try valueFields.required("value").text("value"), swatch: swatch)
                }
                if values.contains(where: { $0.value == optionValue.value }) {
                    throw entry.error("\(name) value \"\(optionValue.value)\" appears twice")
                }
                values.append(optionValue)
            }
            guard !values.isEmpty else { throw item.error("option \"\(name)\" has no values; list them under values:") }
            options.append(ProductOption(name: name, values: values))
        }
        return options
    }

    private func readVariants(
        _ value: YAMLValue, options: [ProductOption], price: Money?, compareAt: Money?, skuLines: inout [String: Int]
    ) throws(SiteError) -> [Variant] {
        let optionKeys = options.map(\.slug)
        let allowed = Set(["sku", "price", "compare_at"] + optionKeys)
        var variants: [Variant] = []
        var seenCombinations: [[String]: String] = [:]
        for item in try value.sequence("variants") {
            let fields = try item.fields("a variant", allowed: allowed)
            let sku = try fields.required("sku").text("sku")
            guard sku.utf8.allSatisfy(Self.isSKUByte) else {
                throw item.error("SKU \"\(sku)\" may contain only letters, digits, dashes, dots and underscores")
            }
            if skuLines[sku] != nil {
                throw item.error("SKU \(sku) appears twice in this product; every variant needs its own SKU")
            }
            skuLines[sku] = item.line
            var values: [String] = []
            for (option, key) in zip(options, optionKeys) {
                guard let given = fields[key] else {
                    throw item.error(
                        "variant \(sku) has no \(key); add `\(key): \(option.values[0].value)` or another of \(option.valueList)"
                    )
                }
                let chosen = try given.text(key)
                guard option.values.contains(where: { $0.value == chosen }) else {
                    throw given.error(
                        "variant \(sku) has \(key) \"\(chosen)\", which is not among the product's \(option.name) values (\(option.valueList)); add it to options or fix the variant"
                    )
                }
                values.append(chosen)
            }
            if let other = seenCombinations[values] {
                throw item.error(
                    "variants \(other) and \(sku) have the same options (\(values.joined(separator: ", "))); each combination must be one variant"
                )
            }
            seenCombinations[values] = sku
            let ownPrice = try fields["price"].map { value throws(SiteError) in try money(value, "price") }
            guard let variantPrice = ownPrice ?? price else {
                throw item.error("variant \(sku) has no price; give it `price: 29.00` or set a product-wide price")
            }
            let ownCompareAt = try fields["compare_at"].map { value throws(SiteError) in try money(value, "compare_at") }
            variants.append(Variant(sku: sku, optionValues: values, price: variantPrice, compareAtPrice: ownCompareAt ?? compareAt))
        }
        guard !variants.isEmpty else { throw value.error("the product has no variants; list at least one with its sku") }
        return variants
    }

    private func readImages(_ value: YAMLValue?, options: [ProductOption], lines: inout [String: Int]) throws(SiteError) -> [ProductImage] {
        guard let value else { return [] }
        let optionKeys = options.map(\.slug)
        var images: [ProductImage] = []
        for item in try value.sequence("images") {
            let fields = try item.fields("an image", allowed: Set(["src", "alt"] + optionKeys))
            let src = try fields.required("src").text("src")
            guard src.hasPrefix("/"), !src.contains("..") else {
                throw item.error("image src \"\(src)\" must be a path under static/ starting with /, like /images/tee.svg")
            }
            let alt = try fields.required("alt").text("alt")
            var tied: String?
            for option in options {
                guard let given = fields[option.slug] else { continue }
                let chosen = try given.text(option.slug)
                guard option.values.contains(where: { $0.value == chosen }) else {
                    throw given.error("image \(src) is tied to \(option.slug) \"\(chosen)\", which is not among \(option.valueList)")
                }
                tied = chosen
            }
            lines[src] = item.line
            images.append(ProductImage(src: src, alt: alt, optionValue: tied))
        }
        return images
    }

    private func isCSSColour(_ text: String) -> Bool {
        guard text.first == "#" else { return false }
        let digits = text.dropFirst()
        return [3, 6].contains(digits.count) && digits.allSatisfy(\.isHexDigit)
    }
}

extension ProductOption {
    fileprivate var valueList: String { values.map(\.value).joined(separator: ", ") }
}

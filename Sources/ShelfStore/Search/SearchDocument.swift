import ShelfCore

/// A product as the search index holds it: its text folded into ``SearchWords``, field by
/// field, and what its card shows that the catalogue tables do not.
struct SearchDocument: Equatable {
    var handle: String
    var title: String
    var brand: String?
    /// The release date, `YYYY-MM-DD`: what "newest" sorts by.
    var released: String
    var image: (src: String, alt: String)?
    /// The colour swatches of the card, as JSON: `[["Forest", "#2f4f3a"], …]`.
    var swatches: String
    /// The indexed words of each field, in order: title, brand, categories (and tags), option
    /// values, description, SKUs.
    var fields: [[String]]
    /// The category handles, separated by spaces.
    var categories: String
    /// What the facets count, as JSON: the option names, then each variant's SKU, price, former
    /// price (or null) and option values: `[["Colour", "Size"], [["TEE-NAV-S", 2900, null, ["Navy", "S"]], …]]`.
    var variants: String

    init(_ product: Product, categoryTitles: [String: String]) {
        handle = product.handle
        title = product.title
        brand = product.brand
        released = product.date
        image = product.images.first.map { ($0.src, $0.alt) }
        let colours = product.options.first(where: \.hasSwatches)?.values ?? []
        swatches =
            JSON.array(
                colours.compactMap { value in value.swatch.map { .array([.string(value.value), .string($0)]) } }
            ).text
        let categories = product.categories.flatMap { [$0, categoryTitles[$0] ?? ""] } + product.tags
        let text = [
            product.title, product.brand ?? "", categories.joined(separator: " "),
            product.options.flatMap { $0.values.map(\.value) }.joined(separator: " "),
            Self.plainText(product.descriptionHTML), product.variants.map(\.sku).joined(separator: " "),
        ]
        fields = text.map { SearchWords.words(in: $0) }
        self.categories = product.categories.joined(separator: " ")
        let options = JSON.array(product.options.map { .string($0.name) })
        let variants = product.variants.map { variant -> JSON in
            .array([
                .string(variant.sku), .number(String(variant.price.minorUnits)),
                variant.compareAtPrice.map { .number(String($0.minorUnits)) } ?? .null, .array(variant.optionValues.map(JSON.string)),
            ])
        }
        self.variants = JSON.array([options, .array(variants)]).text
    }

    /// The document's part of the vocabulary that typos are corrected to: its distinct words
    /// without digits, SKUs left out. (Every SKU is a word of its own; on a 10,000-product
    /// store they made 100 times more vocabulary than all the other words together.)
    var words: Set<String> {
        Set(fields.dropLast().joined().filter { !$0.contains(where: \.isNumber) })
    }

    /// Changes whenever anything stored for the document changes (FNV-1a over every value, each
    /// field's words separated by spaces, each value ended by 0x1F).
    var fingerprint: String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        func add(_ byte: UInt8) { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        let values = [title, brand ?? "\u{0}", released, image?.src ?? "\u{0}", image?.alt ?? "\u{0}", swatches, categories, variants]
        for value in values {
            for byte in value.utf8 { add(byte) }
            add(0x1F)
        }
        for words in fields {
            for (index, word) in words.enumerated() {
                if index > 0 { add(UInt8(ascii: " ")) }
                for byte in word.utf8 { add(byte) }
            }
            add(0x1F)
        }
        return String(hash, radix: 16)
    }

    static func == (lhs: SearchDocument, rhs: SearchDocument) -> Bool { lhs.fingerprint == rhs.fingerprint }
}

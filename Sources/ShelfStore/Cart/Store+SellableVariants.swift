import ShelfCore

extension Store {
    /// The variant with this SKU as a cart sells it, or nil when no variant has it.
    ///
    /// Unpublished products and removed variants are returned too, with `isPublished` false,
    /// so that a cart can say why it cannot take them.
    public func sellableVariant(sku: String) throws -> SellableVariant? {
        try sellableVariants(skus: [sku])[sku]
    }

    /// The variants with these SKUs, by SKU, read in one query; unknown SKUs are left out.
    public func sellableVariants(skus: [String]) throws -> [String: SellableVariant] {
        let skus = Array(Set(skus))
        guard !skus.isEmpty else { return [:] }
        // One placeholder per SKU: the SQL varies only in how many, never in the values.
        let placeholders = Array(repeating: "?", count: skus.count).joined(separator: ", ")
        let rows = try database.query(
            """
            SELECT \(Self.sellableColumns) FROM \(Self.sellableTables)
            WHERE variants.sku IN (\(placeholders))
            ORDER BY variants.sku, variant_options.position
            """, skus.map { .text($0) })
        return Dictionary(uniqueKeysWithValues: try Self.sellableVariants(in: rows).map { ($0.variant.sku, $0.variant) })
    }

    /// The columns of a sellable variant, for a query to extend with its own columns.
    static let sellableColumns = """
        variants.sku AS sku, variants.product_handle AS product_handle, products.title AS title,
        variants.price_minor AS price_minor, variants.compare_at_minor AS compare_at_minor,
        variants.currency AS currency, variants.image_src AS image_src, variants.image_alt AS image_alt,
        products.published AS published, variants.active AS active, stock.on_hand AS on_hand,
        stock.reserved AS reserved, stock.allocated AS allocated,
        variant_options.name AS option_name, variant_options.value AS option_value
        """

    /// The tables ``sellableColumns`` come from, for a query to extend with its own joins. They
    /// give one row per option of a variant (one row when it has none), so the query's order
    /// must keep a variant's rows together, by `variant_options.position`.
    static let sellableTables = """
        variants
        JOIN products ON products.handle = variants.product_handle
        JOIN stock ON stock.sku = variants.sku
        LEFT JOIN variant_options ON variant_options.sku = variants.sku
        """

    /// Folds the rows of a query on ``sellableTables`` into variants, in row order, each with the
    /// first of its rows (for the caller's own columns).
    static func sellableVariants(in rows: [Row]) throws -> [(variant: SellableVariant, row: Row)] {
        var variants: [(variant: SellableVariant, row: Row)] = []
        for row in rows {
            let sku = try row.text("sku")
            if variants.last?.variant.sku != sku {
                variants.append((try sellableVariant(row), row))
            }
            if let name = try row.optionalText("option_name") {
                variants[variants.count - 1].variant.options.append(VariantOption(name: name, value: try row.text("option_value")))
            }
        }
        return variants
    }

    /// A variant without its options, from one row of ``sellableColumns``.
    private static func sellableVariant(_ row: Row) throws -> SellableVariant {
        let currency = try Currency(code: try row.text("currency"))
        let image: SellableVariant.Image? =
            if let src = try row.optionalText("image_src") {
                SellableVariant.Image(src: src, alt: try row.optionalText("image_alt") ?? "")
            } else {
                nil
            }
        return SellableVariant(
            sku: try row.text("sku"), productHandle: try row.text("product_handle"), productTitle: try row.text("title"),
            options: [], price: Money(minorUnits: try row.int64("price_minor"), currency: currency),
            compareAtPrice: try row.optionalInt64("compare_at_minor").map { Money(minorUnits: $0, currency: currency) },
            image: image, isPublished: try row.bool("published") && row.bool("active"), onHand: try row.int("on_hand"),
            reserved: try row.int("reserved"), allocated: try row.int("allocated"))
    }
}

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

    /// The columns of a sellable variant, for a query to extend with its own columns after them:
    /// ``sellableVariants(in:)`` reads them by place (``SellablePlace``), the first
    /// ``sellableColumnCount`` of every row.
    static let sellableColumns = """
        variants.sku AS sku, variants.product_handle AS product_handle, products.title AS title,
        variants.price_minor AS price_minor, variants.compare_at_minor AS compare_at_minor,
        variants.currency AS currency, variants.image_src AS image_src, variants.image_alt AS image_alt,
        products.published AS published, variants.active AS active, stock.on_hand AS on_hand,
        stock.reserved AS reserved, stock.allocated AS allocated,
        variant_options.name AS option_name, variant_options.value AS option_value
        """

    /// How many ``sellableColumns`` there are: a query's own columns start at this place.
    static let sellableColumnCount = 15

    /// The places of ``sellableColumns`` in a row: read by place, the columns of every line of a
    /// `cart.json` are not looked for by name among twenty.
    private enum SellablePlace {
        static let sku = 0, productHandle = 1, title = 2, priceMinor = 3, compareAtMinor = 4, currency = 5
        static let imageSource = 6, imageAlt = 7, published = 8, active = 9, onHand = 10, reserved = 11
        static let allocated = 12, optionName = 13, optionValue = 14
    }

    /// The tables ``sellableColumns`` come from, for a query to extend with its own joins. They
    /// give one row per option of a variant (one row when it has none), so the query's order
    /// must keep a variant's rows together, by `variant_options.position`.
    static let sellableTables = """
        variants
        JOIN products ON products.handle = variants.product_handle
        JOIN stock ON stock.sku = variants.sku
        LEFT JOIN variant_options ON variant_options.sku = variants.sku
        """

    /// Folds the rows of a query that begins with ``sellableColumns`` into variants, in row
    /// order, each with the first of its rows (for the caller's own columns).
    static func sellableVariants(in rows: [Row]) throws -> [(variant: SellableVariant, row: Row)] {
        var variants: [(variant: SellableVariant, row: Row)] = []
        for row in rows {
            let sku = try row.text(at: SellablePlace.sku)
            if variants.last?.variant.sku != sku {
                variants.append((try sellableVariant(row, sku: sku), row))
            }
            if let name = try row.optionalText(at: SellablePlace.optionName) {
                variants[variants.count - 1].variant.options.append(
                    VariantOption(name: name, value: try row.text(at: SellablePlace.optionValue)))
            }
        }
        return variants
    }

    /// A variant without its options, from one row that begins with ``sellableColumns``.
    private static func sellableVariant(_ row: Row, sku: String) throws -> SellableVariant {
        let currency = try Currency(code: try row.text(at: SellablePlace.currency))
        let image: SellableVariant.Image? =
            if let src = try row.optionalText(at: SellablePlace.imageSource) {
                SellableVariant.Image(src: src, alt: try row.optionalText(at: SellablePlace.imageAlt) ?? "")
            } else {
                nil
            }
        return SellableVariant(
            sku: sku, productHandle: try row.text(at: SellablePlace.productHandle), productTitle: try row.text(at: SellablePlace.title),
            options: [], price: Money(minorUnits: try row.int64(at: SellablePlace.priceMinor), currency: currency),
            compareAtPrice: try row.optionalInt64(at: SellablePlace.compareAtMinor).map { Money(minorUnits: $0, currency: currency) },
            image: image, isPublished: try row.bool(at: SellablePlace.published) && row.bool(at: SellablePlace.active),
            onHand: try row.int(at: SellablePlace.onHand), reserved: try row.int(at: SellablePlace.reserved),
            allocated: try row.int(at: SellablePlace.allocated))
    }

    /// True when the row, of a query that begins with ``sellableColumns`` over outer joins,
    /// holds a variant with its product and stock rows.
    static func holdsSellableVariant(_ row: Row) throws -> Bool {
        let missing = try row.isNull(at: SellablePlace.sku) || row.isNull(at: SellablePlace.title) || row.isNull(at: SellablePlace.onHand)
        return !missing
    }
}

import ShelfCore

/// Some products of the catalogue as the database holds them, read by a sync to decide what
/// changes: a slice at a time, so that a sync of 50,000 products never holds every stored row.
struct CatalogueSnapshot {
    /// The stored products among those asked for, by handle, unpublished ones included.
    var products: [String: CatalogueRecord] = [:]

    /// Reads the stored products with these handles (few enough to be one statement's
    /// placeholders); call inside the sync's transaction so nothing changes underneath.
    init(of handles: [String], from database: any Database) throws {
        guard !handles.isEmpty else { return }
        let keys = handles.map { SQLValue.text($0) }
        let list = "(" + Store.marks(handles.count) + ")"
        for row in try database.query("SELECT handle, title, published FROM products WHERE handle IN \(list)", keys) {
            products[try row.text("handle")] = CatalogueRecord(title: try row.text("title"), published: try row.bool("published"))
        }
        let categories = try database.query(
            """
            SELECT product_handle, category_handle FROM product_categories WHERE product_handle IN \(list)
            ORDER BY product_handle, position
            """, keys)
        for row in categories {
            products[try row.text("product_handle")]?.categories.append(try row.text("category_handle"))
        }
        var options: [String: [VariantOption]] = [:]
        let optionRows = try database.query(
            """
            SELECT variant_options.sku, variant_options.name, variant_options.value FROM variant_options
            JOIN variants ON variants.sku = variant_options.sku
            WHERE variants.active = 1 AND variants.product_handle IN \(list)
            ORDER BY variant_options.sku, variant_options.position
            """, keys)
        for row in optionRows {
            options[try row.text("sku"), default: []].append(VariantOption(name: try row.text("name"), value: try row.text("value")))
        }
        let variants = try database.query(
            """
            SELECT sku, product_handle, price_minor, compare_at_minor, currency, image_src, image_alt FROM variants
            WHERE active = 1 AND product_handle IN \(list) ORDER BY product_handle, position
            """, keys)
        for row in variants {
            let sku = try row.text("sku")
            let variant = VariantRecord(
                sku: sku, priceMinor: try row.int64("price_minor"), compareAtMinor: try row.optionalInt64("compare_at_minor"),
                currency: try row.text("currency"), options: options[sku] ?? [], imageSrc: try row.optionalText("image_src"),
                imageAlt: try row.optionalText("image_alt"))
            products[try row.text("product_handle")]?.variants.append(variant)
        }
    }
}

import ShelfCore

/// The catalogue as the database holds it, read at the start of a sync to decide what changes.
struct CatalogueSnapshot {
    /// Every stored product by handle, unpublished ones included.
    var products: [String: CatalogueRecord] = [:]
    /// Every SKU that has a stock row.
    var stockedSKUs: Set<String> = []

    /// Reads the snapshot; call inside the sync's transaction so nothing changes underneath.
    init(from database: any Database) throws {
        for row in try database.query("SELECT handle, title, published FROM products") {
            products[try row.text("handle")] = CatalogueRecord(title: try row.text("title"), published: try row.bool("published"))
        }
        let categories = try database.query(
            "SELECT product_handle, category_handle FROM product_categories ORDER BY product_handle, position")
        for row in categories {
            products[try row.text("product_handle")]?.categories.append(try row.text("category_handle"))
        }
        var options: [String: [VariantOption]] = [:]
        for row in try database.query("SELECT sku, name, value FROM variant_options ORDER BY sku, position") {
            options[try row.text("sku"), default: []].append(VariantOption(name: try row.text("name"), value: try row.text("value")))
        }
        let variants = try database.query(
            """
            SELECT sku, product_handle, price_minor, compare_at_minor, currency, image_src, image_alt FROM variants
            WHERE active = 1 ORDER BY product_handle, position
            """)
        for row in variants {
            let sku = try row.text("sku")
            let variant = VariantRecord(
                sku: sku, priceMinor: try row.int64("price_minor"), compareAtMinor: try row.optionalInt64("compare_at_minor"),
                currency: try row.text("currency"), options: options[sku] ?? [], imageSrc: try row.optionalText("image_src"),
                imageAlt: try row.optionalText("image_alt"))
            products[try row.text("product_handle")]?.variants.append(variant)
        }
        stockedSKUs = Set(try database.query("SELECT sku FROM stock").map { try $0.text("sku") })
    }
}

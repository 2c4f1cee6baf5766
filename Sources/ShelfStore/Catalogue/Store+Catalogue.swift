public import Foundation
public import ShelfCore

extension Store {
    /// Makes the database's catalogue match the content, in one transaction.
    ///
    /// Categories, products, their categories and variants (with prices) are inserted or
    /// updated; each new SKU gets a stock row with nothing on hand. A product missing from
    /// `products` is unpublished and its variants made inactive, never deleted, so orders and
    /// stock that refer to it stay valid. Unchanged products are not rewritten.
    ///
    /// The files remain the home of titles, options and images; the sync also stores a snapshot
    /// of what a cart shows (the title, each variant's option values and picture), so the
    /// functions and, later, orders read names from the same catalogue version as prices.
    ///
    /// ```swift
    /// let sync = try store.syncCatalogue(catalogue.products, categories: catalogue.categories)
    /// print("\(sync.added) added, \(sync.updated) updated, \(sync.unpublished) unpublished")
    /// ```
    ///
    /// - Parameter time: when the sync happens, recorded on the products it changes.
    @discardableResult
    public func syncCatalogue(_ products: [Product], categories: [Category], at time: Date = Date()) throws -> CatalogueSync {
        try syncCatalogue(products, categories: categories, at: time, slice: Self.catalogueSlice)
    }

    /// How many products a sync reads back from the database at a time to compare them with the
    /// content: few enough for one statement's placeholders, and for a sync of 50,000 products
    /// to hold a slice of the stored rows rather than all of them (hundreds of MB).
    static let catalogueSlice = 200

    /// ``syncCatalogue(_:categories:at:)``, reading the stored products `slice` at a time.
    ///
    /// Every slice is read before anything is written, so each product is compared with what the
    /// database held when the sync began, as if it had all been read at once: a SKU that moves to
    /// a product of an earlier slice still counts as a change of the product it left.
    @discardableResult
    func syncCatalogue(_ products: [Product], categories: [Category], at time: Date, slice: Int) throws -> CatalogueSync {
        try Self.validate(products, categories: categories)
        let updatedAt = time.formatted(.iso8601)
        return try database.transaction {
            // Two builds on two hosts at once: the second waits here for the first to commit,
            // then compares with what the first wrote, instead of inserting the same rows.
            for statement in database.dialect.catalogueLock { try database.execute(statement) }
            var sync = CatalogueSync()
            var changed: [Int] = []
            // SKUs a product had and lists no more; made inactive unless another product lists them.
            var dropped: [String] = []
            var unstocked: [String] = []
            for start in stride(from: 0, to: products.count, by: slice) {
                let part = products.indices[start..<min(start + slice, products.count)]
                let stored = try CatalogueSnapshot(of: part.map { products[$0].handle }, from: database)
                for index in part {
                    let product = products[index]
                    guard let old = stored.products[product.handle] else {
                        changed.append(index)
                        sync.added += 1
                        continue
                    }
                    let listed = Set(product.variants.map(\.sku))
                    dropped += old.variants.map(\.sku).filter { !listed.contains($0) }
                    if old != CatalogueRecord(product) {
                        changed.append(index)
                        sync.updated += 1
                    }
                }
                unstocked += try unstockedSKUs(part.flatMap { products[$0].variants.map(\.sku) })
            }
            // Products gone from the content: unpublished, and their SKUs made inactive.
            let listedHandles = Set(products.map(\.handle))
            let everyProduct = try database.query(
                """
                SELECT handle, published,
                    EXISTS (SELECT 1 FROM variants WHERE variants.product_handle = products.handle AND variants.active = 1) AS selling
                FROM products
                """)
            let gone = try everyProduct.filter { !listedHandles.contains(try $0.text("handle")) }

            for (position, category) in categories.enumerated() {
                try database.execute(
                    """
                    INSERT INTO categories (handle, position) VALUES (?, ?)
                    ON CONFLICT (handle) DO UPDATE SET position = excluded.position
                    """, [.text(category.handle), .int(position)])
            }
            for index in changed {
                try write(products[index].handle, CatalogueRecord(products[index]), updatedAt: updatedAt)
            }
            if !dropped.isEmpty {
                let listedSKUs = Set(products.flatMap { $0.variants.map(\.sku) })
                for sku in dropped where !listedSKUs.contains(sku) {
                    try database.execute("UPDATE variants SET active = 0 WHERE sku = ?", [.text(sku)])
                }
            }
            for row in gone {
                let handle = try row.text("handle")
                if try row.bool("selling") {
                    // Its SKUs that another product lists were moved to that product by its write above.
                    try database.execute("UPDATE variants SET active = 0 WHERE product_handle = ? AND active = 1", [.text(handle)])
                }
                guard try row.bool("published") else { continue }
                try database.execute(
                    "UPDATE products SET published = 0, updated_at = ? WHERE handle = ?", [.text(updatedAt), .text(handle)])
                sync.unpublished += 1
            }
            try createStockRows(for: unstocked)
            return sync
        }
    }

    /// Those of `skus` without a stock row, in their order, asked a statement's worth at a time.
    private func unstockedSKUs(_ skus: [String]) throws -> [String] {
        var stocked: Set<String> = []
        for start in stride(from: 0, to: skus.count, by: Self.catalogueSlice) {
            let part = skus[start..<min(start + Self.catalogueSlice, skus.count)]
            let rows = try database.query("SELECT sku FROM stock WHERE sku IN (\(Self.marks(part.count)))", part.map { .text($0) })
            for row in rows { stocked.insert(try row.text("sku")) }
        }
        return skus.filter { !stocked.contains($0) }
    }

    /// Inserts or updates one product's row, its categories and its variants (with their
    /// options), all made active.
    private func write(_ handle: String, _ record: CatalogueRecord, updatedAt: String) throws {
        try database.execute(
            """
            INSERT INTO products (handle, title, published, main_category, updated_at) VALUES (?, ?, ?, ?, ?)
            ON CONFLICT (handle) DO UPDATE SET title = excluded.title, published = excluded.published,
                main_category = excluded.main_category, updated_at = excluded.updated_at
            """, [.text(handle), .text(record.title), .bool(record.published), .text(record.categories.first), .text(updatedAt)])
        try database.execute("DELETE FROM product_categories WHERE product_handle = ?", [.text(handle)])
        for (position, category) in record.categories.enumerated() {
            try database.execute(
                "INSERT INTO product_categories (product_handle, category_handle, position) VALUES (?, ?, ?)",
                [.text(handle), .text(category), .int(position)])
        }
        for (position, variant) in record.variants.enumerated() {
            try database.execute(
                """
                INSERT INTO variants (sku, product_handle, price_minor, compare_at_minor, currency, image_src, image_alt, active, position)
                VALUES (?, ?, ?, ?, ?, ?, ?, 1, ?)
                ON CONFLICT (sku) DO UPDATE SET product_handle = excluded.product_handle,
                    price_minor = excluded.price_minor, compare_at_minor = excluded.compare_at_minor,
                    currency = excluded.currency, image_src = excluded.image_src, image_alt = excluded.image_alt,
                    active = 1, position = excluded.position
                """,
                [
                    .text(variant.sku), .text(handle), .integer(variant.priceMinor), .integer(variant.compareAtMinor),
                    .text(variant.currency), .text(variant.imageSrc), .text(variant.imageAlt), .int(position),
                ])
            try database.execute("DELETE FROM variant_options WHERE sku = ?", [.text(variant.sku)])
            for (position, option) in variant.options.enumerated() {
                try database.execute(
                    "INSERT INTO variant_options (sku, position, name, value) VALUES (?, ?, ?, ?)",
                    [.text(variant.sku), .int(position), .text(option.name), .text(option.value)])
            }
        }
    }

    /// Gives each new SKU a stock row with nothing on hand, as one stock change.
    private func createStockRows(for skus: [String]) throws {
        guard !skus.isEmpty else { return }
        let version = try nextStockVersion()
        for sku in skus {
            try database.execute("INSERT INTO stock (sku, on_hand, version) VALUES (?, 0, ?)", [.text(sku), .integer(version)])
        }
        try advanceStockVersion(to: version)
    }

    /// Refuses duplicate handles and SKUs and undeclared categories before anything is written.
    private static func validate(_ products: [Product], categories: [Category]) throws {
        let declared = Set(categories.map(\.handle))
        var handles: Set<String> = []
        var owners: [String: String] = [:]
        for product in products {
            guard handles.insert(product.handle).inserted else { throw StoreError.duplicateProduct(product.handle) }
            if let category = product.categories.first(where: { !declared.contains($0) }) {
                throw StoreError.unknownCategory(category, product: product.handle)
            }
            for variant in product.variants {
                if let owner = owners.updateValue(product.handle, forKey: variant.sku) {
                    throw StoreError.duplicateSKU(variant.sku, products: owner == product.handle ? [owner] : [owner, product.handle])
                }
            }
        }
    }
}

import ShelfConfig
import ShelfCore
import ShelfStore

extension NewStore {
    /// Creates the store's database, syncs the catalogue of its products into it and puts
    /// `units` of every SKU on the shelf: stock lives only in the database, so a new store that
    /// should sell at once needs it there.
    static func stockSamples(_ folder: StoreFolder, units: Int) throws(SiteError) {
        let content: StoreContent
        do {
            content = try ContentLoader.load(folder)
        } catch {
            throw error.errors.first ?? SiteError(folder.relative(folder.contentFolder), "the sample content cannot be read: \(error)")
        }
        // The SQLite file, or PostgreSQL when SHELF_DATABASE_URL names it, without its URL.
        let location = try folder.databaseLocation(config: content.config)
        let database = folder.databaseName(location)
        do {
            let store = try Store.open(location)
            try store.migrate()
            try store.syncCatalogue(content.products, categories: content.config.categories)
            let skus = content.products.flatMap(\.variants).map(\.sku)
            try store.importStock(skus.map { StockImport(sku: $0, quantity: units, file: database, line: 0) })
        } catch {
            throw SiteError(database, "the sample stock could not be written: \(error)")
        }
    }
}

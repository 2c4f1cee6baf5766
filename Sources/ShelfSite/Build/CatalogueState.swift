import Foundation
import ShelfConfig
import ShelfCore
import ShelfStore

/// What the last build synced and read from the database: a fingerprint of the catalogue it
/// synced, and the stock it saw with the stock version of that moment.
///
/// With it, a build skips syncing an unchanged catalogue and reads only the SKUs whose stock
/// changed since, instead of every row. Kept in `.shelf/catalogue-state`.
struct CatalogueState {
    /// 4: the search index also keeps each product's facets, so states of older builds sync
    /// (and index) again.
    static let version: UInt32 = 4
    var catalogue: UInt64 = 0
    var stockVersion: Int64 = -1
    var stock: [String: Int] = [:]

    /// A fingerprint of everything the catalogue sync and the search index write: the product
    /// files, the categories (the index holds their titles), the currency, and this format's
    /// version, so that a build of another version syncs again even where the database recorded it.
    static func fingerprint(of content: StoreContent) -> UInt64 {
        var hasher = StableHasher()
        hasher.combine(UInt64(version))
        for product in content.products {
            hasher.combine(product.handle)
            hasher.combine(content.sourceHashes[product.handle] ?? 0)
        }
        for category in content.config.categories {
            hasher.combine(category.handle)
            hasher.combine(category.title)
        }
        hasher.combine(content.config.currency.code)
        return hasher.value
    }

    static func load(from path: String) -> CatalogueState? {
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        var reader = BinaryReader(bytes: [UInt8](data))
        guard reader.uint32() == version else { return nil }
        var state = CatalogueState()
        state.catalogue = reader.uint64()
        state.stockVersion = reader.int64()
        let count = Int(reader.uint32())
        state.stock.reserveCapacity(count)
        for _ in 0..<count where !reader.failed {
            let sku = reader.string()
            state.stock[sku] = Int(reader.int64())
        }
        return reader.failed ? nil : state
    }

    func save(to path: String) throws {
        var writer = BinaryWriter()
        writer.uint32(Self.version)
        writer.uint64(catalogue)
        writer.int64(stockVersion)
        writer.uint32(UInt32(stock.count))
        for (sku, level) in stock.sorted(by: { $0.key < $1.key }) {
            writer.string(sku)
            writer.int64(Int64(level))
        }
        try writer.replace(path)
    }

    /// Brings the stock up to date, reading only the SKUs that changed since the state was
    /// taken (every row without a state). Pages are rendered with this stock while ``sync(_:content:)``
    /// runs beside them.
    mutating func readStock(_ store: Store) throws {
        // A database younger than the state (deleted, replaced) gets everything again.
        if try store.stockVersion() < stockVersion { self = CatalogueState() }
        // Read the version first: a change landing in between is then read now and again later.
        let version = try store.stockVersion()
        if stockVersion < 0 {
            stock = try store.allStockLevels()
        } else if version > stockVersion {
            for (sku, level) in try store.stockLevels(for: try store.skusChanged(since: stockVersion)) { stock[sku] = level }
        }
        stockVersion = version
    }

    /// Syncs the catalogue and its search index unless it is unchanged: since this state's
    /// build, or, with `trustingDatabase`, since the last whole sync the database recorded (a
    /// build without `.shelf/` of the content the database already holds then writes nothing).
    ///
    /// The sync gives each new SKU a stock row with nothing on hand, a stock change of its own.
    /// Pages rendered with the stock read before show such SKUs as sold out already, so when
    /// those rows are all that changed, the state moves to the new stock version; when anything
    /// else changed meanwhile, it stays, and the next build reads those SKUs again.
    mutating func sync(_ store: Store, content: StoreContent, trustingDatabase: Bool = true) throws {
        let current = Self.fingerprint(of: content)
        guard current != catalogue else { return }
        if trustingDatabase, try store.syncedCatalogue() == Int64(bitPattern: current) {
            catalogue = current
            return
        }
        // Forgotten first: a build stopped before its record leaves rows no record describes.
        try store.forgetSyncedCatalogue()
        try store.syncCatalogue(content.products, categories: content.config.categories)
        try store.indexForSearch(content.publishedProducts, categories: content.config.categories)
        try store.recordSyncedCatalogue(Int64(bitPattern: current))
        catalogue = current
        let version = try store.stockVersion()
        guard version > stockVersion else { return }
        let changed = try store.skusChanged(since: stockVersion)
        guard changed.allSatisfy({ stock[$0] == nil }) else { return }
        let levels = try store.allStockLevels()
        guard changed.allSatisfy({ levels[$0] == 0 }) else { return }
        for sku in changed { stock[sku] = 0 }
        stockVersion = version
    }
}

import Foundation
import ShelfConfig
import ShelfCore

/// What the fast path compares against: every product file's stamp and listing signature, each
/// product page's fingerprint, the facts only the whole catalogue tells, and a stamp of every
/// other input. Written whole by each ordinary build to `.shelf/fast-path` as a sorted table the
/// fast path maps and searches (`FastPathTable`); a fast build writes only what it changed, to
/// `.shelf/fast-path-delta` (`FastPathDelta`).
struct FastPathState {
    /// 4: a sorted, memory-mapped table instead of a stream decoded whole; 5: the delta keeps
    /// the product folder's stamp.
    static let version: UInt32 = 5
    /// Where product files live: the table keeps their names within it.
    static let productFolder = "content/products/"

    struct Entry {
        var handle: String
        var stamp: FileStamp?
        /// Everything of the product that pages other than its own show, and that the database holds.
        var signature: UInt64
        var soldOut: Bool
        var related: [String]
    }

    var global: UInt64 = 0
    var stockVersion: Int64 = 0
    /// The review version the pages were rendered at.
    var reviewVersion: Int64 = 0
    var outputCount = 0
    var usedCategories: [String] = []
    var year = ""
    /// By product file.
    var products: [String: Entry] = [:]
    /// Product page fingerprints by output path.
    var pageFingerprints: [String: UInt64] = [:]

    /// A product's listing signature: changes whenever a card, a listing's order or filters, the
    /// feed, related products elsewhere or the database's catalogue would change.
    static func signature(of product: Product) -> UInt64 {
        var hasher = StableHasher()
        hasher.combine([product.handle, product.title, product.date, product.summary])
        hasher.combine(product.brand)
        hasher.combine(product.seoDescription)
        hasher.combine(product.published)
        hasher.combine(product.featured)
        hasher.combine(product.categories)
        hasher.combine(product.related)
        for option in product.options {
            hasher.combine(option.name)
            for value in option.values { hasher.combine([value.value, value.swatch ?? ""]) }
        }
        for variant in product.variants {
            hasher.combine(variant.sku)
            hasher.combine(variant.optionValues)
            hasher.combine(Int(variant.price.minorUnits))
            hasher.combine(variant.compareAtPrice.map { Int($0.minorUnits) } ?? -1)
        }
        hasher.combine(product.images.first?.src)
        hasher.combine(product.images.first?.alt)
        return hasher.value
    }

    static func isSoldOut(_ product: Product, stock: [String: Int]) -> Bool {
        !product.variants.contains { (stock[$0.sku] ?? 0) > 0 }
    }

    /// A stamp of every input but the product files: settings, themes, templates, static files,
    /// pages, stories and campaigns, plus the build's own version.
    static func globalStamp(_ folder: StoreFolder) -> UInt64 {
        var hasher = StableHasher()
        hasher.combine(Int(version))
        let folders = [
            folder.root + "/themes", folder.templatesFolder, folder.staticFolder, folder.contentFolder + "/pages",
            folder.contentFolder + "/stories", folder.contentFolder + "/campaigns",
        ]
        for path in [folder.configFile] + folders.flatMap({ base in Theme.files(under: base, extension: nil).map { base + "/" + $0 } }) {
            hasher.combine(path)
            let stamp = ContentCache.stamp(path)
            hasher.combine(Int(stamp?.size ?? -1))
            hasher.combine(Int(stamp?.modified ?? -1))
        }
        return hasher.value
    }

    /// Writes the whole state as the table `FastPathTable` reads, and drops any delta.
    func save(to path: String) throws {
        let byName = products.compactMap { file, entry in
            file.hasPrefix(Self.productFolder) ? (Array(file.utf8.dropFirst(Self.productFolder.utf8.count)), entry) : nil
        }.sorted { $0.0.lexicographicallyPrecedes($1.0) }
        var strings = BinaryWriter()
        var records = BinaryWriter()
        for (name, entry) in byName {
            records.uint32(UInt32(strings.bytes.count))
            records.uint32(UInt32(name.count))
            strings.raw(name)
            records.uint32(UInt32(strings.bytes.count))
            records.uint32(UInt32(entry.handle.utf8.count))
            strings.append(entry.handle)
            records.uint32(UInt32(strings.bytes.count))
            strings.strings(entry.related)
            records.uint32((entry.soldOut ? 1 : 0) | (entry.stamp == nil ? 0 : 2))
            records.int64(entry.stamp?.size ?? 0)
            records.int64(entry.stamp?.modified ?? 0)
            records.uint64(entry.signature)
        }
        var handleOrder = BinaryWriter()
        for index in byName.indices.sorted(by: { byName[$0].1.handle.utf8.lexicographicallyPrecedes(byName[$1].1.handle.utf8) }) {
            handleOrder.uint32(UInt32(index))
        }
        var pages = BinaryWriter()
        for (path, fingerprint) in pageFingerprints.sorted(by: { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }) {
            pages.uint32(UInt32(strings.bytes.count))
            pages.uint32(UInt32(path.utf8.count))
            strings.append(path)
            pages.uint64(fingerprint)
        }
        var facts = BinaryWriter()
        facts.strings(usedCategories)
        facts.string(year)

        let productsAt = FastPathTable.headerSize + facts.bytes.count
        let handlesAt = productsAt + records.bytes.count
        let pagesAt = handlesAt + handleOrder.bytes.count
        let stringsAt = pagesAt + pages.bytes.count
        var header = BinaryWriter()
        header.uint32(FastPathTable.magic)
        header.uint32(Self.version)
        header.uint64(global)
        header.int64(stockVersion)
        header.int64(reviewVersion)
        header.int64(Int64(outputCount))
        header.uint32(UInt32(byName.count))
        header.uint32(UInt32(pageFingerprints.count))
        for offset in [productsAt, handlesAt, pagesAt, stringsAt, stringsAt + strings.bytes.count] { header.uint64(UInt64(offset)) }
        header.uint64(StableHasher.hash(header.bytes))
        var file = header
        for part in [facts, records, handleOrder, pages, strings] { file.raw(part.bytes) }
        try file.replace(path)
        try? FileManager.default.removeItem(atPath: FastPathDelta.path(besides: path))
    }

    /// The state after an ordinary build of the whole catalogue.
    init(after model: SiteModel, outputs: [Output], stockVersion: Int64, folder: StoreFolder) {
        global = FastPathState.globalStamp(folder)
        self.stockVersion = stockVersion
        reviewVersion = model.reviews.version
        outputCount = outputs.count
        usedCategories = model.facts.usedCategories.sorted()
        year = model.facts.year
        let content = model.content
        for product in content.products {
            guard let file = content.productFiles[product.handle] else { continue }
            products[file] = Entry(
                handle: product.handle, stamp: content.productStamps[file], signature: FastPathState.signature(of: product),
                soldOut: FastPathState.isSoldOut(product, stock: model.stock),
                related: product.published ? ProductPage(model: model, product: product).related : [])
        }
        for output in outputs where output.path.hasPrefix("products/") { pageFingerprints[output.path] = output.fingerprint }
    }

    init() {}
}

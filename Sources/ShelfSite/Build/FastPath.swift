import Foundation
import Glibc
import ShelfConfig
import ShelfCore
import ShelfStore

/// The incremental build's fast path: when only product bodies or stock changed, and nothing a
/// listing shows, re-render just those product pages without loading the whole catalogue.
///
/// Everything else (a new or removed product, a title, price or category edit, a product selling
/// out, any template, setting, page or static file) takes the ordinary path, which plans every
/// page. The fast path checks its own conditions and answers nil when it does not apply.
struct FastPath {
    let folder: StoreFolder
    let progress: Progress

    var statePath: String { folder.workFolder + "/fast-path" }
    var cachePath: String { folder.workFolder + "/build-cache" }

    func build(started: DispatchTime) throws -> SiteBuilder.Summary? {
        // The state and the file system are read side by side: each takes a good part of a fast build.
        let (loaded, (stamps, global)) = inParallel(
            { [statePath] in FastPathState.load(from: statePath) },
            { [folder] in
                let stamps = FastPath.stamps(ofMarkdownIn: folder.contentFolder + "/products", prefix: "content/products/")
                return (stamps, FastPathState.globalStamp(folder))
            })
        // A campaign that started or ended since changes the pages that show it: the ordinary path.
        guard !CampaignSchedule.isDue(folder, now: CampaignSchedule.now()) else { return nil }
        guard var state = loaded, global == state.global, stamps.count == state.products.count,
            FileManager.default.fileExists(atPath: cachePath), FileManager.default.fileExists(atPath: folder.siteFolder)
        else { return nil }
        var changed: Set<String> = []
        for (file, stamp) in stamps {
            guard let entry = state.products[file] else { return nil }
            if stamp != entry.stamp { changed.insert(file) }
        }

        let store = try Store.open(try folder.databaseLocation())
        guard try store.migrate().isEmpty else { return nil }
        // A review change shows on listings' star badges too: the ordinary path plans those pages.
        guard try store.reviewVersion() == state.reviewVersion else { return nil }
        let version = try store.stockVersion()
        guard version >= state.stockVersion else { return nil }
        var affected = changed
        if version > state.stockVersion {
            let fileByHandle = Dictionary(uniqueKeysWithValues: state.products.map { ($0.value.handle, $0.key) })
            for handle in try store.productHandles(ofSKUs: try store.skusChanged(since: state.stockVersion)).values {
                guard let file = fileByHandle[handle] else { return nil }
                affected.insert(file)
            }
        }
        if affected.isEmpty {
            state.stockVersion = version
            try state.saveChanges(to: statePath)
            return summary(files: state.outputCount, written: [], started: started)
        }

        let fileByHandle = Dictionary(uniqueKeysWithValues: state.products.map { ($0.value.handle, $0.key) })
        var needed = affected
        for file in affected { needed.formUnion(state.products[file]!.related.compactMap { fileByHandle[$0] }) }
        var content = try ContentLoader.load(folder, only: needed, knownHandles: Set(fileByHandle.keys))
        content.now = CampaignSchedule.now()
        for product in content.products where changed.contains(content.productFiles[product.handle] ?? "") {
            guard state.products[content.productFiles[product.handle]!]?.signature == FastPathState.signature(of: product) else {
                return nil
            }
        }
        // A new description is new text to search: those products, and only those, are indexed again.
        let edited = content.publishedProducts.filter { changed.contains(content.productFiles[$0.handle] ?? "") }
        try store.indexForSearch(edited, categories: content.config.categories, removingOthers: false)
        let stock = try store.stockLevels(for: content.products.flatMap { $0.variants.map(\.sku) })
        for product in content.products where affected.contains(content.productFiles[product.handle] ?? "") {
            guard FastPathState.isSoldOut(product, stock: stock) == state.products[content.productFiles[product.handle]!]?.soldOut else {
                return nil
            }
        }

        let theme = try Theme.load(folder, name: content.config.theme, only: Set(["product", Card.template] + Chrome.cachedPartials))
        let assets = theme.fingerprintedAssets
        let related = Dictionary(
            uniqueKeysWithValues: content.products.map { ($0.handle, state.products[content.productFiles[$0.handle]!]!.related) })
        let reviews = try SiteReviews.read(store, perProduct: content.config.reviews.onPage)
        guard reviews.version == state.reviewVersion else { return nil }
        let model = SiteModel(
            content: content.withSalePrices, stock: stock, reviews: reviews,
            assetURLs: Dictionary(uniqueKeysWithValues: assets.map { ($0.name, $0.path) }),
            theme: theme,
            facts: CatalogueFacts(usedCategories: Set(state.usedCategories), year: state.year, related: related))
        let template = theme.fingerprints["product"] ?? 0
        let pages = content.publishedProducts.filter { affected.contains(content.productFiles[$0.handle]!) }.map { product in
            let page = ProductPage(model: model, product: product)
            return Output(path: Output.file(forPage: page.path), fingerprint: page.fingerprint(template: template)) {
                Array(theme.renderPage("product", page.values()).utf8)
            }
        }.filter { state.pageFingerprints[$0.path] != $0.fingerprint }
        let brokenLinks = checkLinks(
            of: content.publishedProducts.filter { changed.contains(content.productFiles[$0.handle]!) }, in: content)
        let writer = try SiteWriter(staging: folder.workFolder + "/staging", precompress: content.config.precompress)
        var written: [String] = []
        for page in pages { written += try writer.stage(page) }

        try writer.publishChanges(written, removing: [], into: folder.siteFolder)
        try BuildCache.append(pages.map { ($0.path, $0.fingerprint) }, to: cachePath)
        for page in pages {
            state.pageFingerprints[page.path] = page.fingerprint
            state.deltaPages.insert(page.path)
        }
        for file in changed { state.products[file]!.stamp = content.productStamps[file] }
        state.changedFiles.formUnion(changed)
        state.stockVersion = version
        try state.saveChanges(to: statePath)
        return summary(files: state.outputCount, written: written.sorted(), started: started, brokenLinks: brokenLinks)
    }

    /// The broken links of edited product descriptions; the site's paths are read from the build
    /// cache only when a description links inside the site at all.
    private func checkLinks(of products: [Product], in content: StoreContent) -> [LinkChecker.BrokenLink] {
        guard products.contains(where: { !LinkChecker.links(in: $0.descriptionHTML).isEmpty }),
            let cache = BuildCache.load(from: cachePath)
        else { return [] }
        let sources = products.compactMap { product in content.productFiles[product.handle].map { ($0, product.descriptionHTML) } }
        return LinkChecker.check(sources: sources, folder: folder, sitePaths: Set(cache.fingerprints.keys))
    }

    /// Every `.md` file of a folder with its stamp, read in one pass over the folder: the fast
    /// path's one unavoidable cost grows with the catalogue, so it is kept to a system call a file.
    static func stamps(ofMarkdownIn directory: String, prefix: String) -> [String: FileStamp] {
        guard let handle = opendir(directory) else { return [:] }
        defer { closedir(handle) }
        let descriptor = dirfd(handle)
        var stamps: [String: FileStamp] = [:]
        while let entry = readdir(handle) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
            guard name.hasSuffix(".md"), !name.hasPrefix(".") else { continue }
            var info = stat()
            guard fstatat(descriptor, name, &info, 0) == 0 else { continue }
            stamps[prefix + name] = FileStamp(
                size: Int64(info.st_size), modified: Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec))
        }
        return stamps
    }

    private func summary(
        files: Int, written: [String], started: DispatchTime, brokenLinks: [LinkChecker.BrokenLink] = []
    ) -> SiteBuilder.Summary {
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds) / 1e9
        var summary = SiteBuilder.Summary(files: files, written: written, removed: [], incremental: true, seconds: seconds)
        summary.fastPath = true
        summary.brokenLinks = brokenLinks
        progress.print(summary.description)
        return summary
    }
}

/// What the fast path compares against: every product file's stamp and listing signature, each
/// product page's fingerprint, the facts only the whole catalogue tells, and a stamp of every
/// other input. Written whole by each ordinary build to `.shelf/fast-path`; a fast build writes
/// only what it changed, to `.shelf/fast-path-delta`, which the next load applies.
struct FastPathState {
    /// 3: the review version joined the state.
    static let version: UInt32 = 3

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
    /// Product files whose stamps fast builds updated since the state was written whole.
    var changedFiles: Set<String> = []

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

    static func load(from path: String) -> FastPathState? {
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        var reader = BinaryReader(bytes: [UInt8](data))
        guard reader.uint32() == version else { return nil }
        var state = FastPathState()
        state.global = reader.uint64()
        state.stockVersion = reader.int64()
        state.reviewVersion = reader.int64()
        state.outputCount = Int(reader.int64())
        state.usedCategories = reader.strings()
        state.year = reader.string()
        let count = Int(reader.uint32())
        state.products.reserveCapacity(count)
        for _ in 0..<count where !reader.failed {
            let file = reader.string()
            let handle = reader.string()
            let stamp = reader.stamp()
            let signature = reader.uint64()
            let soldOut = reader.bool()
            state.products[file] = Entry(handle: handle, stamp: stamp, signature: signature, soldOut: soldOut, related: reader.strings())
        }
        state.readPageFingerprints(&reader)
        guard !reader.failed else { return nil }
        if let delta = FileManager.default.contents(atPath: path + "-delta") {
            var reader = BinaryReader(bytes: [UInt8](delta))
            guard reader.uint32() == version, reader.uint64() == state.global else { return nil }
            state.stockVersion = reader.int64()
            for _ in 0..<Int(reader.uint32()) where !reader.failed {
                let file = reader.string()
                state.products[file]?.stamp = reader.stamp()
                state.changedFiles.insert(file)
            }
            state.deltaPages = state.readPageFingerprints(&reader)
            guard !reader.failed else { return nil }
        }
        return state
    }

    @discardableResult
    private mutating func readPageFingerprints(_ reader: inout BinaryReader) -> Set<String> {
        var paths: Set<String> = []
        for _ in 0..<Int(reader.uint32()) where !reader.failed {
            let path = reader.string()
            pageFingerprints[path] = reader.uint64()
            paths.insert(path)
        }
        return paths
    }

    /// Writes the whole state and drops any delta.
    func save(to path: String) throws {
        var writer = BinaryWriter()
        writer.uint32(Self.version)
        writer.uint64(global)
        writer.int64(stockVersion)
        writer.int64(reviewVersion)
        writer.int64(Int64(outputCount))
        writer.strings(usedCategories)
        writer.string(year)
        writer.uint32(UInt32(products.count))
        for (file, entry) in products.sorted(by: { $0.key < $1.key }) {
            writer.string(file)
            writer.string(entry.handle)
            writer.stamp(entry.stamp)
            writer.uint64(entry.signature)
            writer.bool(entry.soldOut)
            writer.strings(entry.related)
        }
        writer.fingerprints(pageFingerprints)
        try writer.replace(path)
        try? FileManager.default.removeItem(atPath: path + "-delta")
    }

    /// Writes only what fast builds changed since the last whole save: the stock version, the
    /// stamps of edited files and their pages' fingerprints.
    func saveChanges(to path: String) throws {
        var writer = BinaryWriter()
        writer.uint32(Self.version)
        writer.uint64(global)
        writer.int64(stockVersion)
        writer.uint32(UInt32(changedFiles.count))
        for file in changedFiles.sorted() {
            writer.string(file)
            writer.stamp(products[file]?.stamp)
        }
        writer.fingerprints(pageFingerprints.filter { deltaPages.contains($0.key) })
        try writer.replace(path + "-delta")
    }

    /// Pages fast builds re-rendered since the last whole save; their fingerprints go in the delta.
    var deltaPages: Set<String> = []

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

extension BinaryWriter {
    fileprivate mutating func stamp(_ stamp: FileStamp?) {
        bool(stamp != nil)
        if let stamp {
            int64(stamp.size)
            int64(stamp.modified)
        }
    }

    fileprivate mutating func fingerprints(_ values: [String: UInt64]) {
        uint32(UInt32(values.count))
        for (path, value) in values.sorted(by: { $0.key < $1.key }) {
            string(path)
            uint64(value)
        }
    }

}

extension BinaryReader {
    fileprivate mutating func stamp() -> FileStamp? {
        bool() ? FileStamp(size: int64(), modified: int64()) : nil
    }
}

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
    /// The files the caller vouches are the only ones changed (`SiteBuilder.Options.changedFiles`),
    /// nil to stat every product file.
    var changedFiles: [String]? = nil

    var statePath: String { folder.workFolder + "/fast-path" }
    var cachePath: String { folder.workFolder + "/build-cache" }
    var deltaPath: String { FastPathDelta.path(besides: statePath) }

    /// Builds the pages that changed, nil when the fast path does not apply; `theme` is loading
    /// meanwhile (any page this path renders needs the product page's templates).
    func build(started: DispatchTime, theme early: EarlyTheme) throws -> SiteBuilder.Summary? {
        // The state is mapped, not decoded: only the records looked up below are read.
        guard let table = FastPathTable.open(statePath), var delta = FastPathDelta.load(from: deltaPath, following: table) else {
            return nil
        }
        let products = folder.contentFolder + "/products"
        // Named files that are not all product files (a template, a page, a new product) need the ordinary path.
        var named: Set<String>? = nil
        if let changedFiles {
            guard let names = Self.productFileNames(changedFiles, in: products) else { return nil }
            named = names
        }
        // Stat'ing every product file is most of a plain build's work: it runs on its own threads
        // while this one stamps the other inputs and asks the database what changed there.
        let listedFolder = delta.listedFolder
        let scanning = BackgroundWork { [named] in
            named.map { ProductFileScan.scan($0, in: products, against: table) }
                ?? ProductFileScan.scan(products, against: table, listedAt: listedFolder)
        }
        defer { _ = scanning.value() }
        // A campaign that started or ended since changes the pages that show it: the ordinary path.
        guard FastPathState.globalStamp(folder) == table.global, !CampaignSchedule.isDue(folder, now: CampaignSchedule.now()),
            FileManager.default.fileExists(atPath: cachePath), FileManager.default.fileExists(atPath: folder.siteFolder)
        else { return nil }
        let store = try Store.open(try folder.databaseLocation())
        guard try store.migrate().isEmpty else { return nil }
        // A review change shows on listings' star badges too: the ordinary path plans those pages.
        guard try store.reviewVersion() == table.reviewVersion else { return nil }
        let version = try store.stockVersion()
        guard version >= delta.stockVersion else { return nil }
        let restocked =
            version > delta.stockVersion ? try store.productHandles(ofSKUs: try store.skusChanged(since: delta.stockVersion)) : [:]

        guard let scanned = scanning.value(), !scanned.unknown, scanned.only != nil || scanned.count == table.productCount else {
            return nil
        }
        // A listing that matched the table spares the next scans theirs while the folder keeps its stamp.
        var deltaChanged = false
        if scanned.listingSettled, let stamp = scanned.folder, delta.listedFolder != stamp {
            delta.listedFolder = stamp
            deltaChanged = true
        }
        // Each file's page was last rendered from the stamp a fast build noted, else the table's.
        var current = scanned.differing
        for name in delta.stamps.keys where current[name] == nil && scanned.covers(name) {
            guard let index = table.index(ofName: name) else { return nil }
            current[name] = table.stamp(at: index)
        }
        var changed: Set<String> = []
        for (name, stamp) in current {
            guard let index = table.index(ofName: name) else { return nil }
            if (delta.stamps[name] ?? table.stamp(at: index)) != stamp { changed.insert(FastPathState.productFolder + name) }
        }

        var records: [String: FastPathTable.Product] = [:]
        func record(_ index: Int?) -> String? {
            guard let index, let product = table.product(at: index) else { return nil }
            records[FastPathState.productFolder + product.name] = product
            return FastPathState.productFolder + product.name
        }
        var affected = changed
        for file in changed {
            guard record(table.index(ofName: String(file.dropFirst(FastPathState.productFolder.count)))) != nil else { return nil }
        }
        for handle in restocked.values {
            guard let file = record(table.index(ofHandle: handle)) else { return nil }
            affected.insert(file)
        }
        if affected.isEmpty {
            if delta.stockVersion != version || deltaChanged {
                delta.stockVersion = version
                try delta.save(to: deltaPath, following: table)
            }
            return summary(
                files: table.outputCount, written: [], started: started, lookedAt: (scanned.count, table.productCount),
                stockVersion: version)
        }

        var needed = affected
        for file in affected {
            for handle in records[file]!.related {
                if let related = record(table.index(ofHandle: handle)) { needed.insert(related) }
            }
        }
        var content = try ContentLoader.load(folder, only: needed, isKnownHandle: { table.index(ofHandle: $0) != nil })
        content.now = CampaignSchedule.now()
        // Files not named but read for these pages must be as last rendered; an edit nobody named goes the ordinary way.
        if scanned.only != nil {
            for file in needed where !changed.contains(file) {
                let name = String(file.dropFirst(FastPathState.productFolder.count))
                guard let index = table.index(ofName: name), content.productStamps[file] == (delta.stamps[name] ?? table.stamp(at: index))
                else { return nil }
            }
        }
        var entries: [String: FastPathTable.Product] = [:]
        for product in content.products {
            guard let file = content.productFiles[product.handle], let entry = records[file] else { return nil }
            entries[product.handle] = entry
        }
        for product in content.products where changed.contains(content.productFiles[product.handle]!) {
            guard entries[product.handle]!.signature == FastPathState.signature(of: product) else { return nil }
        }
        // A new description is new text to search: those products, and only those, are indexed again.
        let edited = content.publishedProducts.filter { changed.contains(content.productFiles[$0.handle]!) }
        try store.indexForSearch(edited, categories: content.config.categories, removingOthers: false)
        let stock = try store.stockLevels(for: content.products.flatMap { $0.variants.map(\.sku) })
        for product in content.products where affected.contains(content.productFiles[product.handle]!) {
            guard FastPathState.isSoldOut(product, stock: stock) == entries[product.handle]!.soldOut else { return nil }
        }

        let theme =
            try early.forProductPages(named: content.config.theme)
            ?? Theme.load(folder, name: content.config.theme, only: Self.templates)
        let assets = theme.fingerprintedAssets
        // Only the reviews of the products these pages show: their own, and their related cards'.
        let reviews = try SiteReviews.read(store, perProduct: content.config.reviews.onPage, of: content.products.map(\.handle))
        guard reviews.version == table.reviewVersion else { return nil }
        let model = SiteModel(
            content: content.withSalePrices, stock: stock, reviews: reviews,
            assetURLs: Dictionary(uniqueKeysWithValues: assets.map { ($0.name, $0.path) }),
            theme: theme,
            facts: CatalogueFacts(
                usedCategories: Set(table.usedCategories), year: table.year, related: entries.mapValues(\.related)))
        let template = theme.fingerprints["product"] ?? 0
        let pages = content.publishedProducts.filter { affected.contains(content.productFiles[$0.handle]!) }.map { product in
            let page = ProductPage(model: model, product: product)
            return Output(path: Output.file(forPage: page.path), fingerprint: page.fingerprint(template: template)) {
                theme.renderPage("product", page.values())
            }
        }.filter { (delta.pageFingerprints[$0.path] ?? table.pageFingerprint($0.path)) != $0.fingerprint }
        let brokenLinks = checkLinks(of: edited, in: content)
        let writer = try SiteWriter(staging: folder.workFolder + "/staging", precompress: content.config.precompress)
        var written: [String] = []
        for page in pages { written += try writer.stage(page) }

        try writer.publishChanges(written, removing: [], into: folder.siteFolder)
        try BuildCache.append(pages.map { ($0.path, $0.fingerprint) }, to: cachePath)
        for page in pages { delta.pageFingerprints[page.path] = page.fingerprint }
        for file in changed { delta.stamps[String(file.dropFirst(FastPathState.productFolder.count))] = content.productStamps[file] }
        delta.stockVersion = version
        try delta.save(to: deltaPath, following: table)
        return summary(
            files: table.outputCount, written: written.sorted(), started: started, lookedAt: (scanned.count, table.productCount),
            stockVersion: version, brokenLinks: brokenLinks)
    }

    /// The templates a product page is rendered from.
    static let templates = Set(["product", Card.template] + Chrome.cachedPartials)

    /// The names within `products` of `paths` (absolute, or relative to the working folder); nil
    /// when one is not a product file directly in it.
    static func productFileNames(_ paths: [String], in products: String) -> Set<String>? {
        let folder = URL(fileURLWithPath: products).resolvingSymlinksInPath().path
        var names: Set<String> = []
        for path in paths {
            let url = URL(fileURLWithPath: path)
            let name = url.lastPathComponent
            guard url.deletingLastPathComponent().resolvingSymlinksInPath().path == folder, name.hasSuffix(".md"), !name.hasPrefix(".")
            else { return nil }
            names.insert(name)
        }
        return names
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

    private func summary(
        files: Int, written: [String], started: DispatchTime, lookedAt: (Int, Int), stockVersion: Int64,
        brokenLinks: [LinkChecker.BrokenLink] = []
    ) -> SiteBuilder.Summary {
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds) / 1e9
        var summary = SiteBuilder.Summary(files: files, written: written, removed: [], incremental: true, seconds: seconds)
        summary.fastPath = true
        summary.productFilesLookedAt = lookedAt
        summary.brokenLinks = brokenLinks
        summary.stockVersion = stockVersion
        progress.print(summary.description)
        return summary
    }
}

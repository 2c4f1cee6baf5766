import Foundation
import ShelfConfig
import ShelfCore

/// Loads a store's settings and content files and checks the rules that span files.
public enum ContentLoader {
    /// Loads everything; throws every problem found, each with its file and line.
    ///
    /// With a `cache` path, product files whose size and modification time are unchanged since
    /// the last load are taken from it instead of being parsed again, and the cache is updated.
    ///
    /// With `only`, just those product files are read (an incremental build's fast path), and
    /// references to products are checked with `isKnownHandle` instead.
    public static func load(
        _ folder: StoreFolder, cache cachePath: String? = nil, only: Set<String>? = nil,
        isKnownHandle: (@Sendable (String) -> Bool)? = nil
    ) throws(BuildFailure) -> StoreContent {
        let step = "Load content"
        let config: StoreConfig
        let configFingerprint: UInt64
        do {
            let text = try TextFile.read(folder.configFile, relative: StoreConfig.fileName)
            config = try StoreConfig(toml: text)
            configFingerprint = StableHasher.hash(text)
        } catch {
            throw BuildFailure(step: step, errors: [error])
        }
        var problems = Problems()

        let productResults = readProducts(folder, currency: config.currency, cachePath: cachePath, only: only)
        var products: [Product] = []
        var productStamps: [String: FileStamp] = [:]
        var productFiles: [String: String] = [:]
        var sourceHashes: [String: UInt64] = [:]
        var skuOwners: [String: String] = [:]
        let declared = Set(config.categories.map(\.handle))
        // Many products show the same few images: ask the file system once per image.
        var checkedImages: [String: Bool] = [:]
        func staticFileExists(_ path: String) -> Bool {
            if let known = checkedImages[path] { return known }
            let exists = FileManager.default.fileExists(atPath: folder.staticFolder + path)
            checkedImages[path] = exists
            return exists
        }
        for (file, result, hash, stamp) in productResults {
            if let stamp { productStamps[file] = stamp }
            switch result {
            case .failure(let error):
                problems.add(error)
            case .success(let read):
                let product = read.product
                if let other = productFiles[product.handle] {
                    problems.add(file, line: 1, "handle \"\(product.handle)\" is already used by \(other); give one of them another handle")
                    continue
                }
                for variant in product.variants {
                    if let other = skuOwners[variant.sku] {
                        problems.add(
                            file, line: read.skuLines[variant.sku],
                            "SKU \(variant.sku) is already used by \(other); every variant needs its own SKU")
                    }
                    skuOwners[variant.sku] = file
                }
                for category in product.categories where !declared.contains(category) {
                    problems.add(
                        file, line: read.categoriesLine,
                        "category \"\(category)\" is not declared; add a [[categories]] entry with handle = \"\(category)\" to shelf.toml or fix the name"
                    )
                }
                for image in product.images where !staticFileExists(image.src) {
                    problems.add(file, line: read.imageLines[image.src], "image static\(image.src) does not exist; add the file or fix src")
                }
                productFiles[product.handle] = file
                sourceHashes[product.handle] = hash
                products.append(product)
            }
        }
        products.sort { $0.handle < $1.handle }
        let exists = { (handle: String) in isKnownHandle?(handle) ?? (productFiles[handle] != nil) }
        for product in products {
            for related in product.related where !exists(related) {
                problems.add(
                    productFiles[product.handle]!, line: nil, "related product \"\(related)\" does not exist; fix the handle or remove it")
            }
        }

        var documents: [Document.Kind: [Document]] = [:]
        var paths: [String: String] = [:]
        for kind in [Document.Kind.page, .story, .campaign] {
            let reader = DocumentReader(kind: kind, currency: config.currency)
            for (file, result, _) in readAll(
                folder, kind.folder,
                { text, file, handle throws(SiteError) in
                    try reader.read(text, file: file, defaultHandle: handle)
                })
            {
                switch result {
                case .failure(let error):
                    problems.add(error)
                case .success(let (document, lines)):
                    if let other = paths[document.path] {
                        problems.add(file, line: 1, "\(document.path) is already published by \(other); give one of them another handle")
                        continue
                    }
                    if kind == .page, reservedPaths.contains(document.handle) {
                        problems.add(
                            file, line: 1,
                            "the page handle \"\(document.handle)\" is taken by the store itself (\(reservedPaths.sorted().joined(separator: ", "))); choose another"
                        )
                        continue
                    }
                    paths[document.path] = file
                    if let image = document.image, !FileManager.default.fileExists(atPath: folder.staticFolder + image) {
                        problems.add(file, line: lines["image"], "image static\(image) does not exist; add the file or fix image")
                    }
                    for handle in document.products where !exists(handle) {
                        problems.add(file, line: lines["products"], "product \"\(handle)\" does not exist; fix the handle or remove it")
                    }
                    var document = document
                    document.discounts = Self.resolve(document.discounts, file: file, products: products, problems: &problems)
                    documents[kind, default: []].append(document)
                }
            }
        }
        checkCodes(documents[.campaign] ?? [], config: config, problems: &problems)
        if let hero = config.hero.image, !FileManager.default.fileExists(atPath: folder.staticFolder + hero) {
            problems.add(
                StoreConfig.fileName, line: TOMLLines(loadConfigText(folder)).line(of: "image", in: "hero"),
                "hero image static\(hero) does not exist; add the file or fix image")
        }
        try problems.throwIfAny(step: step)
        return StoreContent(
            config: config, configFingerprint: configFingerprint, products: products, productFiles: productFiles,
            sourceHashes: sourceHashes, productStamps: productStamps,
            pages: documents[.page] ?? [],
            stories: (documents[.story] ?? []).sorted { ($0.date ?? "", $1.handle) > ($1.date ?? "", $0.handle) },
            campaigns: documents[.campaign] ?? [],
            favicon: ["/favicon.svg", "/favicon.png", "/favicon.ico"].first {
                FileManager.default.fileExists(atPath: folder.staticFolder + $0)
            })
    }

    /// Top-level paths the build writes itself, which a page may not take.
    static let reservedPaths: Set<String> = ["shop", "products", "stories", "campaigns", "assets", "fn", "images", "search", "404"]

    private static func loadConfigText(_ folder: StoreFolder) -> String {
        (try? TextFile.read(folder.configFile, relative: StoreConfig.fileName)) ?? ""
    }

    /// Reads and parses the product files on all cores, reusing unchanged ones from the cache.
    private static func readProducts(
        _ folder: StoreFolder, currency: Currency, cachePath: String?, only: Set<String>?
    ) -> [(String, Result<ProductReader.Result, SiteError>, UInt64, FileStamp?)] {
        let cache = cachePath.map { ContentCache.load(from: $0, currency: currency) } ?? ContentCache()
        let directory = folder.contentFolder + "/products"
        let reader = ProductReader(currency: currency)
        typealias Read = (String, Result<ProductReader.Result, SiteError>, UInt64, (size: Int64, modified: Int64)?, Bool)
        let names =
            only.map { $0.map { String($0.dropFirst("content/products/".count)) }.sorted() } ?? TextFile.list(directory, extension: "md")
        let results = names.parallelMap { name -> Read in
            let relative = "content/products/\(name)"
            let stamp = ContentCache.stamp(directory + "/" + name)
            if let stamp, let entry = cache.entries[relative], entry.size == stamp.size, entry.modified == stamp.modified {
                return (relative, .success(entry.result), entry.hash, stamp, true)
            }
            do throws(SiteError) {
                let text = try TextFile.read(directory + "/" + name, relative: relative)
                let parsed = try reader.read(text, file: relative, defaultHandle: String(name.dropLast(3)))
                return (relative, .success(parsed), StableHasher.hash(text), stamp, false)
            } catch {
                return (relative, .failure(error), 0, stamp, false)
            }
        }
        if let cachePath, results.contains(where: { !$0.4 }) || results.count != cache.entries.count {
            var updated = ContentCache()
            for (file, result, hash, stamp, _) in results {
                guard case .success(let parsed) = result, let stamp else { continue }
                updated.entries[file] = ContentCache.Entry(size: stamp.size, modified: stamp.modified, hash: hash, result: parsed)
            }
            // A cache that cannot be written only costs the next build some parsing.
            try? updated.save(to: cachePath, currency: currency)
        }
        return results.map { ($0.0, $0.1, $0.2, $0.3.map { FileStamp(size: $0.size, modified: $0.modified) }) }
    }

    /// Reads and parses every Markdown file of a content folder on all cores, in file name order,
    /// with a fingerprint of each file's text.
    private static func readAll<T: Sendable>(
        _ folder: StoreFolder, _ subfolder: String,
        _ parse: @escaping @Sendable (String, String, String) throws(SiteError) -> T
    ) -> [(String, Result<T, SiteError>, UInt64)] {
        let directory = folder.contentFolder + "/" + subfolder
        let names = TextFile.list(directory, extension: "md")
        return names.parallelMap { name in
            let relative = "content/\(subfolder)/\(name)"
            do throws(SiteError) {
                let text = try TextFile.read(directory + "/" + name, relative: relative)
                return (relative, .success(try parse(text, relative, String(name.dropLast(3)))), StableHasher.hash(text))
            } catch {
                return (relative, .failure(error), 0)
            }
        }
    }
}

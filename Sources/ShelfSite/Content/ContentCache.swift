import Foundation
import Glibc
import ShelfCore

/// Parsed product files from the previous build, reused while a file's size and modification
/// time are unchanged, so an incremental build parses only the files that were edited.
///
/// Kept in `.shelf/content-cache` in a compact binary form; any doubt (another version, another
/// currency, a damaged file) means an empty cache and a full parse.
struct ContentCache: Sendable {
    struct Entry: Sendable {
        var size: Int64
        var modified: Int64
        var hash: UInt64
        var result: ProductReader.Result
    }

    static let version: UInt32 = 1
    var entries: [String: Entry] = [:]

    /// Size and modification time (nanoseconds) of a file, or nil when it cannot be read.
    static func stamp(_ path: String) -> (size: Int64, modified: Int64)? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return (Int64(info.st_size), Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec))
    }

    static func load(from path: String, currency: Currency) -> ContentCache {
        guard var reader = BinaryReader(contentsOf: path) else { return ContentCache() }
        guard reader.uint32() == version, reader.string() == currency.code else { return ContentCache() }
        var cache = ContentCache()
        let count = Int(reader.uint32())
        cache.entries.reserveCapacity(count)
        for _ in 0..<count {
            let file = reader.string()
            let size = reader.int64()
            let modified = reader.int64()
            let hash = reader.uint64()
            let result = reader.productResult(currency: currency)
            guard !reader.failed else { return ContentCache() }
            cache.entries[file] = Entry(size: size, modified: modified, hash: hash, result: result)
        }
        return cache
    }

    func save(to path: String, currency: Currency) throws {
        try BinaryWriter.replace(path) { writer in
            writer.uint32(Self.version)
            writer.string(currency.code)
            writer.uint32(UInt32(entries.count))
            for file in entries.keys.sorted() {
                let entry = entries[file]!
                writer.string(file)
                writer.int64(entry.size)
                writer.int64(entry.modified)
                writer.uint64(entry.hash)
                writer.productResult(entry.result)
                try writer.flush()
            }
        }
    }
}

extension BinaryWriter {
    mutating func productResult(_ result: ProductReader.Result) {
        let product = result.product
        for text in [product.handle, product.title, product.date, product.descriptionHTML, product.summary] { string(text) }
        for text in [product.brand, product.seoTitle, product.seoDescription] { optional(text) }
        for list in [product.categories, product.tags, product.related] { strings(list) }
        bool(product.published)
        bool(product.featured)
        uint32(UInt32(product.options.count))
        for option in product.options {
            string(option.name)
            uint32(UInt32(option.values.count))
            for value in option.values {
                string(value.value)
                optional(value.swatch)
            }
        }
        uint32(UInt32(product.variants.count))
        for variant in product.variants {
            string(variant.sku)
            strings(variant.optionValues)
            int64(variant.price.minorUnits)
            bool(variant.compareAtPrice != nil)
            int64(variant.compareAtPrice?.minorUnits ?? 0)
        }
        uint32(UInt32(product.images.count))
        for image in product.images {
            string(image.src)
            string(image.alt)
            optional(image.optionValue)
        }
        for lines in [result.skuLines, result.imageLines] {
            uint32(UInt32(lines.count))
            for (key, line) in lines.sorted(by: { $0.key < $1.key }) {
                string(key)
                int64(Int64(line))
            }
        }
        int64(Int64(result.categoriesLine))
    }
}

extension BinaryReader {
    mutating func productResult(currency: Currency) -> ProductReader.Result {
        let handle = string(), title = string(), date = string(), description = string(), summary = string()
        let brand = optional(), seoTitle = optional(), seoDescription = optional()
        let categories = strings(), tags = strings(), related = strings()
        let published = bool(), featured = bool()
        var options: [ProductOption] = []
        for _ in 0..<min(Int(uint32()), 64) where !failed {
            let name = string()
            var values: [OptionValue] = []
            for _ in 0..<min(Int(uint32()), 4096) where !failed {
                let value = string()
                values.append(OptionValue(value, swatch: optional()))
            }
            options.append(ProductOption(name: name, values: values))
        }
        var variants: [Variant] = []
        for _ in 0..<min(Int(uint32()), 100_000) where !failed {
            let sku = string()
            let values = strings()
            let price = Money(minorUnits: int64(), currency: currency)
            let hasCompareAt = bool()
            let compareAt = Money(minorUnits: int64(), currency: currency)
            variants.append(Variant(sku: sku, optionValues: values, price: price, compareAtPrice: hasCompareAt ? compareAt : nil))
        }
        var images: [ProductImage] = []
        for _ in 0..<min(Int(uint32()), 10_000) where !failed {
            let src = string(), alt = string()
            images.append(ProductImage(src: src, alt: alt, optionValue: optional()))
        }
        var lineMaps: [[String: Int]] = []
        for _ in 0..<2 {
            var lines: [String: Int] = [:]
            for _ in 0..<min(Int(uint32()), 100_000) where !failed {
                let key = string()
                lines[key] = Int(int64())
            }
            lineMaps.append(lines)
        }
        let categoriesLine = Int(int64())
        let product = Product(
            handle: handle, title: title, brand: brand, categories: categories, tags: tags, options: options,
            variants: variants, images: images, seoTitle: seoTitle, seoDescription: seoDescription, published: published,
            date: date, featured: featured, related: related, descriptionHTML: description, summary: summary)
        return ProductReader.Result(product: product, skuLines: lineMaps[0], imageLines: lineMaps[1], categoriesLine: categoriesLine)
    }
}

import ShelfCore

extension SearchCatalogue {
    /// One indexed product as its `search_documents` row holds it, parsed: what the catalogue's
    /// arrays are assembled from (``assemble(_:categories:available:)``). The catalogue keeps
    /// them by handle, so a new index version re-reads only the rows written since.
    struct Entry {
        /// A variant: its SKU, price, former price and a value of each of the product's options.
        struct Variant {
            var sku: String
            var price: Int64
            var compareAt: Int64?
            var values: [String]
        }

        var handle: String
        var title: String
        var released: String
        var brand: String?
        /// Category handles, as the product lists them.
        var categories: [String]
        /// The document number in the postings, or -1.
        var document: Int32
        var length: Int32
        /// The product's option names, in the order of each variant's values.
        var options: [String]
        var variants: [Variant]

        /// The columns an entry is read from, of `search_documents` named `d`.
        static let columns = "d.handle, d.title, d.brand, d.released, d.categories, d.variants, d.doc, d.length"

        /// The entry of a row holding ``columns``; a variant that does not read whole is left out.
        init(_ row: Row) throws {
            handle = try row.text("handle")
            title = try row.text("title")
            released = try row.text("released")
            brand = try row.optionalText("brand")
            categories = try row.text("categories").split(separator: " ").map(String.init)
            document = Int32(truncatingIfNeeded: try row.optionalInt64("doc") ?? -1)
            length = Int32(truncatingIfNeeded: try row.int64("length"))
            options = []
            variants = []
            guard case .array(let parts)? = try? JSON.parse(Array(try row.text("variants").utf8), maxDepth: 5), parts.count == 2,
                case .array(let names) = parts[0], case .array(let rows) = parts[1]
            else { return }
            for case .string(let name) in names { options.append(name) }
            for case .array(let fields) in rows {
                guard fields.count == 4, case .string(let sku) = fields[0], case .number(let priceText) = fields[1],
                    let price = Int64(priceText), case .array(let texts) = fields[3], texts.count == options.count
                else { continue }
                let values = texts.compactMap { value -> String? in if case .string(let text) = value { text } else { nil } }
                guard values.count == texts.count else { continue }
                var compareAt: Int64?
                if case .number(let text) = fields[2] { compareAt = Int64(text) }
                variants.append(Variant(sku: sku, price: price, compareAt: compareAt, values: values))
            }
        }

        /// Newest first, then by title and handle: the order of an empty query.
        static func isNewer(_ lhs: Entry, than rhs: Entry) -> Bool {
            if lhs.released != rhs.released { return lhs.released > rhs.released }
            return (lhs.title, lhs.handle) < (rhs.title, rhs.handle)
        }
    }
}

import ShelfCore

/// The indexed products as a search counts them, held in memory: each product's categories,
/// brand and variants with their prices, option values and whether they can be bought now.
///
/// A search reads it instead of joining every matching variant to its options, prices and
/// stock once per facet: the facets of 10,000 products are then one pass in Swift. A long-lived
/// function process keeps it between requests (``SearchCache``) and reads again only what
/// changed: the index by its version in `search_state`, the stock by the stock versions.
struct SearchCatalogue {
    /// An indexed, published product.
    struct Product {
        var handle: String
        var title: String
        var released: String
    }

    /// A product option (`Colour`) and every value products give it.
    struct Option {
        var name: String
        var values: [String] = []
        var index: [String: Int] = [:]
        /// Each value's place among the values of every option (``SearchVariants/values``).
        var ids: [Int] = []
    }

    /// Newest first (release date, then title and handle), the order of an empty query.
    var products: [Product] = []
    var positions: [String: Int] = [:]
    /// Matches and ranks query words from their postings: each product's document number and length.
    var ranking = SearchRanking(documents: [], lengths: [])
    /// Category handles in the store's order.
    var categories: [String] = []
    var brands: [String] = []
    var options: [Option] = []
    /// How many values all the options have together.
    var valueCount = 0
    /// Each product's brand, an index into ``brands``, or -1.
    var brandOf: [Int32] = []
    /// Product `p`'s categories (indexes into ``categories``, in their order) are at
    /// `categoryStarts[p]..<categoryStarts[p + 1]` of ``categoryList``.
    var categoryStarts: [Int32] = [0]
    var categoryList: [Int32] = []
    var variants = SearchVariants()
    /// Where each SKU is in ``variants``.
    var skus: [String: Int] = [:]
    /// Each product's place in the order of titles (then handles): the tie-break of price sorts.
    var titleOrder: [Int] = []
    /// The price ranges offered as a facet (``priceRanges(of:)``), from the whole catalogue.
    var priceRanges: [ClosedRange<Int64>] = []
    /// The index version read, and the stock version the availability is read up to.
    var indexVersion: Int64 = -1
    var stockVersion: Int64 = 0

    /// Reads every indexed product, with every SKU available except those the stock says are
    /// not; call ``readStock(_:)`` afterwards for changes since ``stockVersion``.
    static func read(_ database: any Database) throws -> SearchCatalogue {
        var catalogue = SearchCatalogue()
        catalogue.indexVersion = try database.query("SELECT version FROM search_state WHERE id = 1").first?.int64("version") ?? 0
        catalogue.stockVersion = try database.query("SELECT version FROM stock_clock WHERE id = 1").first?.int64("version") ?? 0
        catalogue.categories = try database.query("SELECT handle FROM categories ORDER BY position, handle").map { try $0.text("handle") }
        let categoryIndex = Dictionary(catalogue.categories.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        var brandIndex: [String: Int] = [:]
        var optionIndex: [String: Int] = [:]
        let rows = try database.query(
            """
            SELECT d.handle, d.title, d.brand, d.released, d.categories, d.variants, d.doc, d.length
            FROM search_documents d JOIN products p ON p.handle = d.handle
            WHERE p.published = 1
            ORDER BY d.released DESC, d.title, d.handle
            """)
        // Each product's options and its variants' values of them, until every option is known.
        var valuesByProduct: [(options: [Int], values: [Int32])] = []
        var documents: [Int32] = []
        var lengths: [Int32] = []
        documents.reserveCapacity(rows.count)
        lengths.reserveCapacity(rows.count)
        for row in rows {
            documents.append(Int32(truncatingIfNeeded: try row.optionalInt64("doc") ?? -1))
            lengths.append(Int32(truncatingIfNeeded: try row.int64("length")))
            let handle = try row.text("handle")
            let categories = try row.text("categories").split(separator: " ").compactMap { categoryIndex[String($0)] }.sorted()
            catalogue.categoryList += categories.map { Int32($0) }
            catalogue.categoryStarts.append(Int32(catalogue.categoryList.count))
            let brand = try row.optionalText("brand").map { brandIndex[$0] ?? catalogue.add($0, to: &brandIndex) }
            catalogue.brandOf.append(Int32(brand ?? -1))
            var options: [Int] = []
            var values: [Int32] = []
            if case .array(let parts)? = try? JSON.parse(Array(try row.text("variants").utf8), maxDepth: 5), parts.count == 2,
                case .array(let names) = parts[0], case .array(let variants) = parts[1]
            {
                for case .string(let name) in names {
                    options.append(optionIndex[name] ?? catalogue.addOption(name, to: &optionIndex))
                }
                for case .array(let fields) in variants {
                    guard fields.count == 4, case .string(let sku) = fields[0], case .number(let priceText) = fields[1],
                        let price = Int64(priceText), case .array(let texts) = fields[3], texts.count == options.count
                    else { continue }
                    let strings = texts.compactMap { value -> String? in if case .string(let text) = value { text } else { nil } }
                    guard strings.count == texts.count else { continue }
                    var compareAt: Int64?
                    if case .number(let text) = fields[2] { compareAt = Int64(text) }
                    for (option, value) in zip(options, strings) {
                        let index = catalogue.options[option].index[value] ?? catalogue.addValue(value, to: option)
                        values.append(Int32(catalogue.options[option].ids[index]))
                    }
                    catalogue.skus[sku] = catalogue.variants.prices.count
                    catalogue.variants.prices.append(price)
                    catalogue.variants.onSale.append((compareAt ?? 0) > price)
                    catalogue.variants.available.append(true)
                }
            }
            catalogue.variants.starts.append(Int32(catalogue.variants.prices.count))
            valuesByProduct.append((options, values))
            catalogue.positions[handle] = catalogue.products.count
            catalogue.products.append(Product(handle: handle, title: try row.text("title"), released: try row.text("released")))
        }
        let optionCount = catalogue.options.count
        catalogue.variants.optionCount = optionCount
        catalogue.variants.values = [Int32](repeating: -1, count: catalogue.variants.prices.count * optionCount)
        for (product, known) in valuesByProduct.enumerated() where !known.options.isEmpty {
            for (position, variant) in catalogue.variants.of(product).enumerated() {
                for (slot, option) in known.options.enumerated() {
                    catalogue.variants.values[variant * optionCount + option] = known.values[position * known.options.count + slot]
                }
            }
        }
        for row in try database.query("SELECT sku FROM stock WHERE on_hand - reserved - allocated <= 0") {
            if let variant = catalogue.skus[try row.text("sku")] { catalogue.variants.available[variant] = false }
        }
        catalogue.ranking = SearchRanking(documents: documents, lengths: lengths)
        var byTitle = Array(catalogue.products.indices)
        byTitle.sort {
            (catalogue.products[$0].title, catalogue.products[$0].handle) < (catalogue.products[$1].title, catalogue.products[$1].handle)
        }
        catalogue.titleOrder = [Int](repeating: 0, count: byTitle.count)
        for (place, product) in byTitle.enumerated() { catalogue.titleOrder[product] = place }
        catalogue.priceRanges = Self.priceRanges(
            of: catalogue.products.indices.compactMap { catalogue.variants.prices[catalogue.variants.of($0)].min() })
        return catalogue
    }

    /// Brings availability up to date with the stock changes after ``stockVersion``.
    mutating func readStock(_ database: any Database) throws {
        let version = try database.query("SELECT version FROM stock_clock WHERE id = 1").first?.int64("version") ?? 0
        guard version != stockVersion else { return }
        let rows = try database.query(
            "SELECT sku, on_hand - reserved - allocated AS available FROM stock WHERE version > ?", [.integer(stockVersion)])
        for row in rows {
            if let variant = skus[try row.text("sku")] { variants.available[variant] = try row.int("available") > 0 }
        }
        stockVersion = version
    }

    private mutating func add(_ brand: String, to index: inout [String: Int]) -> Int {
        index[brand] = brands.count
        brands.append(brand)
        return brands.count - 1
    }

    private mutating func addOption(_ name: String, to index: inout [String: Int]) -> Int {
        index[name] = options.count
        options.append(Option(name: name))
        return options.count - 1
    }

    private mutating func addValue(_ value: String, to option: Int) -> Int {
        options[option].index[value] = options[option].values.count
        options[option].values.append(value)
        options[option].ids.append(valueCount)
        valueCount += 1
        return options[option].values.count - 1
    }
}

import ShelfCore

/// The indexed products as a search counts them, held in memory: each product's categories,
/// brand and variants with their prices, option values and whether they can be bought now.
///
/// A search reads it instead of joining every matching variant to its options, prices and
/// stock once per facet: the facets of 10,000 products are then one pass in Swift. A long-lived
/// function process keeps it between requests (``SearchCache``) and reads again only what
/// changed: the index rows written since its version in `search_state` (``patch(_:to:)``),
/// the stock by the stock versions.
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
    /// How many migrations the schema had when read: another number means read it all again.
    var schema = 0
    /// Every product above as its index row holds it, by handle: what a patch starts from.
    var entries: [String: Entry] = [:]
    var stockVersion: Int64 = 0

    /// Reads every indexed product, with every SKU available except those the stock says are
    /// not; call ``readStock(_:)`` afterwards for changes since ``stockVersion``.
    static func read(_ database: any Database) throws -> SearchCatalogue {
        let state = try SearchIndexState.read(database)
        let rows = try database.query(
            """
            SELECT \(Entry.columns)
            FROM search_documents d JOIN products p ON p.handle = d.handle
            WHERE p.published = 1
            """)
        var entries: [String: Entry] = [:]
        entries.reserveCapacity(rows.count)
        for row in rows {
            let entry = try Entry(row)
            entries[entry.handle] = entry
        }
        var catalogue = assemble(entries, categories: try readCategories(database))
        catalogue.indexVersion = state.version
        catalogue.schema = state.schema
        catalogue.stockVersion = try database.query("SELECT version FROM stock_clock WHERE id = 1").first?.int64("version") ?? 0
        for row in try database.query("SELECT sku FROM stock WHERE on_hand - reserved - allocated <= 0") {
            if let variant = catalogue.skus[try row.text("sku")] { catalogue.variants.available[variant] = false }
        }
        return catalogue
    }

    /// Category handles in the store's order.
    static func readCategories(_ database: any Database) throws -> [String] {
        try database.query("SELECT handle FROM categories ORDER BY position, handle").map { try $0.text("handle") }
    }

    /// The catalogue of `entries`, every variant available: products newest first, brands,
    /// options and their values numbered in the order they first appear there. The same
    /// entries and categories always assemble the same catalogue, whether read whole or patched.
    static func assemble(_ entries: [String: Entry], categories: [String]) -> SearchCatalogue {
        var catalogue = SearchCatalogue()
        catalogue.entries = entries
        catalogue.categories = categories
        let categoryIndex = Dictionary(categories.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        var brandIndex: [String: Int] = [:]
        var optionIndex: [String: Int] = [:]
        let ordered = entries.values.sorted(by: Entry.isNewer)
        // Each product's options and its variants' values of them, until every option is known.
        var valuesByProduct: [(options: [Int], values: [Int32])] = []
        var documents: [Int32] = []
        var lengths: [Int32] = []
        documents.reserveCapacity(ordered.count)
        lengths.reserveCapacity(ordered.count)
        for entry in ordered {
            documents.append(entry.document)
            lengths.append(entry.length)
            let categories = entry.categories.compactMap { categoryIndex[$0] }.sorted()
            catalogue.categoryList += categories.map { Int32($0) }
            catalogue.categoryStarts.append(Int32(catalogue.categoryList.count))
            let brand = entry.brand.map { brandIndex[$0] ?? catalogue.add($0, to: &brandIndex) }
            catalogue.brandOf.append(Int32(brand ?? -1))
            let options = entry.options.map { optionIndex[$0] ?? catalogue.addOption($0, to: &optionIndex) }
            var values: [Int32] = []
            for variant in entry.variants {
                for (option, value) in zip(options, variant.values) {
                    let index = catalogue.options[option].index[value] ?? catalogue.addValue(value, to: option)
                    values.append(Int32(catalogue.options[option].ids[index]))
                }
                catalogue.skus[variant.sku] = catalogue.variants.prices.count
                catalogue.variants.prices.append(variant.price)
                catalogue.variants.onSale.append((variant.compareAt ?? 0) > variant.price)
                catalogue.variants.available.append(true)
            }
            catalogue.variants.starts.append(Int32(catalogue.variants.prices.count))
            valuesByProduct.append((options, values))
            catalogue.positions[entry.handle] = catalogue.products.count
            catalogue.products.append(Product(handle: entry.handle, title: entry.title, released: entry.released))
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

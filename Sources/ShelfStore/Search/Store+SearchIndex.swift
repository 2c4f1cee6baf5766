public import ShelfCore

extension Store {
    /// Brings the search index in line with `products`, rewriting only the products whose
    /// indexed text or card changed, and returns how many products it wrote or removed.
    ///
    /// `shelf build` calls it after ``syncCatalogue(_:categories:at:)`` with the published
    /// products, so a product gone from the content (or unpublished) leaves the index; with
    /// `removingOthers: false` (a build that re-read only some products) the others stay.
    ///
    /// ```swift
    /// try store.indexForSearch(content.publishedProducts, categories: content.config.categories)
    /// ```
    @discardableResult
    public func indexForSearch(_ products: [Product], categories: [Category], removingOthers: Bool = true) throws -> Int {
        try indexForSearch(
            products, categories: categories, removingOthers: removingOthers, foldingAbove: Self.pendingPostingsLimit)
    }

    /// ``indexForSearch(_:categories:removingOthers:)`` with the postings' changes folded into
    /// their rows once more than `limit` are pending (``writePostings(_:foldingAbove:)``), and
    /// folded as the run goes each time `batch` of them have gathered (at least `limit + 1`).
    ///
    /// A first build of 50,000 products makes about 10 million postings: held until the end,
    /// they and their fold were 50 MB of a 10,000-product first build's heap peak, and 111 MiB
    /// of a 50,000-product one's. Folded in batches they are written and freed as the run goes,
    /// and the rows come out the same: each batch's documents are its own (a product
    /// has one number, and its old and new words go in the same batch), so a row folded batch
    /// by batch holds what one fold of them all gives. A batch is folded only where one fold at
    /// the end would have folded too (more than `limit` changes), and then the rest is folded
    /// as well, so no change is left pending that one fold would have written into its row.
    @discardableResult
    func indexForSearch(
        _ products: [Product], categories: [Category], removingOthers: Bool, foldingAbove limit: Int,
        foldingEvery batch: Int = Store.postingsBatch
    ) throws -> Int {
        let batch = max(batch, limit + 1)
        let titles = Dictionary(categories.map { ($0.handle, $0.title) }, uniquingKeysWith: { first, _ in first })
        return try database.transaction {
            // The version this run's changes make: each row written and each removal is marked with it.
            let version = (try database.query("SELECT version FROM search_state WHERE id = 1").first?.int64("version") ?? 0) + 1
            // The fingerprint and number of every stored document, and its words only when it
            // changed or goes: an unchanged catalogue (a `--full` build) then holds no product's
            // words, which took 176 MB at 10,000 products only to be compared with nothing.
            var stored: [String: (fingerprint: String, document: Int32?)] = [:]
            // Only the rows of these products unless the others go: an incremental build indexing one
            // edited product must not read the whole catalogue's fingerprints.
            let select = "SELECT handle, fingerprint, doc FROM search_documents"
            let rows =
                removingOthers
                ? try database.query(select)
                : try products.flatMap { try database.query(select + " WHERE handle = ?", [.text($0.handle)]) }
            for row in rows {
                let document = try row.optionalInt64("doc").map { Int32(truncatingIfNeeded: $0) }
                stored[try row.text("handle")] = (try row.text("fingerprint"), document)
            }
            var postings = SearchPostingsChange()
            var foldedBatches = false
            func foldBatch(_ postings: inout SearchPostingsChange) throws {
                guard postings.size >= batch else { return }
                try writePostings(postings, foldingAbove: 0)
                postings = SearchPostingsChange()
                foldedBatches = true
            }
            var nextDocument =
                try database.query("SELECT MAX(doc) AS doc FROM search_documents").first?.optionalInt64("doc").map { Int32($0) + 1 } ?? 1
            var changes = 0
            for product in products {
                let document = SearchDocument(product, categoryTitles: titles)
                let fingerprint = document.fingerprint
                let old = stored.removeValue(forKey: product.handle)
                guard old?.fingerprint != fingerprint else { continue }
                let oldWords = old == nil ? nil : try storedWords(of: product.handle)
                let words = document.words
                let number = old?.document ?? nextDocument
                if old?.document == nil { nextDocument += 1 }
                let weighted = SearchRanking.weightedWords(of: document.fields)
                postings.remove(number, from: oldWords?.terms ?? [])
                postings.add(number, weighted.words)
                try foldBatch(&postings)
                try database.execute(
                    """
                    INSERT INTO search_documents (
                        handle, title, brand, released, image_src, image_alt, swatches, categories, variants, vocabulary, fingerprint,
                        doc, length, terms, version)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    ON CONFLICT (handle) DO UPDATE SET title = excluded.title, brand = excluded.brand,
                        released = excluded.released, image_src = excluded.image_src, image_alt = excluded.image_alt,
                        swatches = excluded.swatches, categories = excluded.categories, variants = excluded.variants,
                        vocabulary = excluded.vocabulary, fingerprint = excluded.fingerprint, doc = excluded.doc,
                        length = excluded.length, terms = excluded.terms, version = excluded.version
                    """,
                    [
                        .text(document.handle), .text(document.title), .text(document.brand), .text(document.released),
                        .text(document.image?.src), .text(document.image?.alt), .text(document.swatches), .text(document.categories),
                        .text(document.variants), .text(words.sorted().joined(separator: " ")), .text(fingerprint),
                        .int(Int(number)), .int(Int(weighted.length)), .text(weighted.words.keys.sorted().joined(separator: " ")),
                        .integer(version),
                    ])
                let before = oldWords?.vocabulary ?? []
                try count(words.subtracting(before), by: 1)
                try count(before.subtracting(words), by: -1)
                changes += 1
            }
            if removingOthers {
                for (handle, old) in stored.sorted(by: { $0.key < $1.key }) {
                    let oldWords = try storedWords(of: handle)
                    try database.execute("DELETE FROM search_documents WHERE handle = ?", [.text(handle)])
                    try database.execute(
                        "INSERT INTO search_removals (version, handle) VALUES (?, ?) ON CONFLICT (version, handle) DO NOTHING",
                        [.integer(version), .text(handle)])
                    if let number = old.document { postings.remove(number, from: oldWords.terms) }
                    try foldBatch(&postings)
                    try count(oldWords.vocabulary, by: -1)
                    changes += 1
                }
            }
            try writePostings(postings, foldingAbove: foldedBatches ? 0 : limit)
            // The facts search functions keep in memory are stale now: they read the rows of this version.
            if changes > 0 {
                try database.execute("UPDATE search_state SET version = ? WHERE id = 1", [.integer(version)])
                try pruneSearchRemovals(keeping: Self.keptRemovalVersions)
            }
            return changes
        }
    }

    /// The words a stored document is indexed under: its vocabulary (each word once, for the
    /// spelling tables) and its weighted terms (for the postings).
    private func storedWords(of handle: String) throws -> (vocabulary: Set<String>, terms: [Substring]) {
        let rows = try database.query("SELECT vocabulary, terms FROM search_documents WHERE handle = ?", [.text(handle)])
        guard let row = rows.first else { return ([], []) }
        return (Set(try row.text("vocabulary").split(separator: " ").map(String.init)), try row.text("terms").split(separator: " "))
    }

    /// How many index versions' removals are kept: a search process that read the index fewer
    /// builds ago patches its catalogue, an older one reads it whole.
    static let keptRemovalVersions: Int64 = 1000

    /// Forgets the removals of all but the last `versions` index versions, and records from
    /// which version on the removals are still complete (`search_state.removals_since`).
    func pruneSearchRemovals(keeping versions: Int64) throws {
        let version = try database.query("SELECT version FROM search_state WHERE id = 1").first?.int64("version") ?? 0
        let horizon = version - versions
        guard horizon > 0 else { return }
        try database.execute("DELETE FROM search_removals WHERE version <= ?", [.integer(horizon)])
        try database.execute(
            "UPDATE search_state SET removals_since = ? WHERE id = 1 AND removals_since < ?", [.integer(horizon), .integer(horizon)])
    }

    /// Adds `delta` to how many products use each word: a new word joins the vocabulary with
    /// its deletions, a word no product uses any more leaves it.
    private func count(_ words: Set<String>, by delta: Int) throws {
        for word in words.sorted() {
            if delta > 0 {
                let added = try database.query(
                    """
                    INSERT INTO search_words (word, products) VALUES (?, ?)
                    ON CONFLICT (word) DO UPDATE SET products = search_words.products + excluded.products
                    RETURNING products
                    """, [.text(word), .int(delta)])
                guard try added.first?.int("products") == delta else { continue }
                for deletion in SearchWords.deletions(of: word) {
                    try database.execute(
                        "INSERT INTO search_deletions (deletion, word) VALUES (?, ?) ON CONFLICT (deletion, word) DO NOTHING",
                        [.text(deletion), .text(word)])
                }
            } else {
                let left = try database.query(
                    "UPDATE search_words SET products = products + ? WHERE word = ? AND products > ? RETURNING products",
                    [.int(delta), .text(word), .int(-delta)])
                guard left.isEmpty else { continue }
                try database.execute("DELETE FROM search_words WHERE word = ?", [.text(word)])
                try database.execute("DELETE FROM search_deletions WHERE word = ?", [.text(word)])
            }
        }
    }
}

extension SearchCatalogue {
    /// What a patch found changed in the postings since the version it started from: the
    /// documents written or removed (their old and new numbers) and every word now written for
    /// them. A kept word's postings are still right if they hold none of these documents and
    /// none of these words is that word (or, for a prefix, starts with it).
    struct PostingsChange {
        var documents: Set<Int32> = []
        var terms: Set<String> = []

        /// Whether `postings` of `spelling`, read before the change, may differ now.
        func touches(_ spelling: SearchSpelling, _ postings: SearchPostings) -> Bool {
            if spelling.isPrefix {
                if terms.contains(where: { $0.hasPrefix(spelling.word) }) { return true }
            } else if terms.contains(spelling.word) {
                return true
            }
            return documents.contains { postings.documents.sortedContains($0) }
        }
    }

    /// How many SKUs one stock query asks about.
    private static let skusPerQuery = 500

    /// This catalogue brought from ``indexVersion`` to `state` by reading only what changed:
    /// the products recorded as removed since, and the rows written since, which replace the
    /// entries of their products (or remove them, when unpublished). The SKUs it knew keep their
    /// availability, new ones read theirs; call ``readStock(_:)`` afterwards, as after ``read(_:)``.
    ///
    /// Nil when it cannot be patched: another schema, a version older than the removals still
    /// recorded, or totals that do not add up with the index (a product published or unpublished
    /// without its row being written again); then read the catalogue whole.
    func patched(_ database: any Database, to state: SearchIndexState) throws -> (SearchCatalogue, PostingsChange)? {
        guard state.canPatch(from: indexVersion, schema: schema) else { return nil }
        var change = PostingsChange()
        var entries = self.entries
        let since = [SQLValue.integer(indexVersion)]
        for row in try database.query("SELECT handle FROM search_removals WHERE version > ?", since) {
            if let old = entries.removeValue(forKey: try row.text("handle")) { change.documents.insert(old.document) }
        }
        let rows = try database.query(
            """
            SELECT \(Entry.columns), d.terms, p.published
            FROM search_documents d JOIN products p ON p.handle = d.handle
            WHERE d.version > ?
            """, since)
        for row in rows {
            let entry = try Entry(row)
            if let old = entries.removeValue(forKey: entry.handle) { change.documents.insert(old.document) }
            change.documents.insert(entry.document)
            change.terms.formUnion(try row.text("terms").split(separator: " ").map(String.init))
            if try row.int64("published") == 1 { entries[entry.handle] = entry }
        }
        let totals = try database.query(
            """
            SELECT COUNT(*) AS products, CAST(COALESCE(SUM(d.doc), 0) AS BIGINT) AS documents
            FROM search_documents d JOIN products p ON p.handle = d.handle
            WHERE p.published = 1
            """
        ).first
        let documents = entries.values.reduce(Int64(0)) { $0 + Int64(max($1.document, 0)) }
        guard try totals?.int("products") == entries.count, try totals?.int64("documents") == documents else { return nil }

        var catalogue = Self.assemble(entries, categories: try Self.readCategories(database))
        var unknown: [String] = []
        for (sku, variant) in catalogue.skus {
            if let before = skus[sku] { catalogue.variants.available[variant] = variants.available[before] } else { unknown.append(sku) }
        }
        for start in stride(from: 0, to: unknown.count, by: Self.skusPerQuery) {
            let chunk = unknown[start..<min(start + Self.skusPerQuery, unknown.count)]
            let rows = try database.query(
                "SELECT sku FROM stock WHERE sku IN (\(Store.marks(chunk.count))) AND on_hand - reserved - allocated <= 0",
                chunk.map { .text($0) })
            for row in rows {
                if let variant = catalogue.skus[try row.text("sku")] { catalogue.variants.available[variant] = false }
            }
        }
        catalogue.indexVersion = state.version
        catalogue.schema = state.schema
        catalogue.stockVersion = stockVersion
        return (catalogue, change)
    }
}

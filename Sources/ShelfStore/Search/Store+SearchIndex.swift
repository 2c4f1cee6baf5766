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
        let titles = Dictionary(categories.map { ($0.handle, $0.title) }, uniquingKeysWith: { first, _ in first })
        let search = database.dialect.search
        return try database.transaction {
            var stored: [String: String] = [:]
            for row in try database.query("SELECT handle, fingerprint FROM search_documents") {
                stored[try row.text("handle")] = try row.text("fingerprint")
            }
            var vocabulary = Set(try database.query("SELECT word FROM search_deletions WHERE deletion = word").map { try $0.text("word") })
            var changes = 0
            for product in products {
                let document = SearchDocument(product, categoryTitles: titles)
                let fingerprint = document.fingerprint
                guard stored.removeValue(forKey: product.handle) != fingerprint else { continue }
                try database.execute(search.deleteText, [.text(product.handle)])
                try database.execute("DELETE FROM search_terms WHERE handle = ?", [.text(product.handle)])
                try database.execute(
                    """
                    INSERT INTO search_documents (handle, title, brand, released, image_src, image_alt, swatches, fingerprint)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                    ON CONFLICT (handle) DO UPDATE SET title = excluded.title, brand = excluded.brand,
                        released = excluded.released, image_src = excluded.image_src, image_alt = excluded.image_alt,
                        swatches = excluded.swatches, fingerprint = excluded.fingerprint
                    """,
                    [
                        .text(document.handle), .text(document.title), .text(document.brand), .text(document.released),
                        .text(document.image?.src), .text(document.image?.alt), .text(document.swatches), .text(fingerprint),
                    ])
                try database.execute(search.writeText, search.writeArguments(document.handle, document.fields))
                for word in document.words.sorted() {
                    try database.execute("INSERT INTO search_terms (handle, word) VALUES (?, ?)", [.text(document.handle), .text(word)])
                    guard vocabulary.insert(word).inserted else { continue }
                    for deletion in SearchWords.deletions(of: word) {
                        try database.execute(
                            "INSERT INTO search_deletions (deletion, word) VALUES (?, ?) ON CONFLICT (deletion, word) DO NOTHING",
                            [.text(deletion), .text(word)])
                    }
                }
                changes += 1
            }
            if removingOthers {
                for handle in stored.keys.sorted() {
                    try database.execute(search.deleteText, [.text(handle)])
                    try database.execute("DELETE FROM search_terms WHERE handle = ?", [.text(handle)])
                    try database.execute("DELETE FROM search_documents WHERE handle = ?", [.text(handle)])
                    changes += 1
                }
            }
            if changes > 0 {
                // Words no product uses any more stop being suggested.
                try database.execute(
                    "DELETE FROM search_deletions WHERE NOT EXISTS (SELECT 1 FROM search_terms WHERE search_terms.word = search_deletions.word)"
                )
            }
            return changes
        }
    }
}

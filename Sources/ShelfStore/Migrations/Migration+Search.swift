extension Migration {
    /// The search index, written by the catalogue sync of `shelf build` so the search function
    /// never reads content files.
    ///
    /// `search_documents` holds one row per published product: what its card shows that the
    /// catalogue tables do not (brand, picture, colour swatches, release date) and a fingerprint
    /// of what was indexed, so a sync rewrites only the products that changed. The text itself
    /// is indexed by each engine's full-text search (``SearchDialect``): an FTS5 table on
    /// SQLite, a weighted `tsvector` with a GIN index on PostgreSQL. `search_terms` lists each
    /// product's words (the vocabulary), and `search_deletions` every vocabulary word with one
    /// character left out, which finds the words one typo away from a shopper's word.
    static let search = Migration(name: "search") { dialect in
        [
            """
            CREATE TABLE search_documents (
                handle TEXT PRIMARY KEY REFERENCES products (handle),
                title TEXT NOT NULL,
                brand TEXT NULL,
                released TEXT NOT NULL,
                image_src TEXT NULL,
                image_alt TEXT NULL,
                swatches TEXT NOT NULL,
                fingerprint TEXT NOT NULL
            )
            """,
            "CREATE INDEX search_documents_by_brand ON search_documents (brand)",
            """
            CREATE TABLE search_terms (
                handle TEXT NOT NULL REFERENCES search_documents (handle) ON DELETE CASCADE,
                word TEXT NOT NULL,
                PRIMARY KEY (handle, word)
            )
            """,
            "CREATE INDEX search_terms_by_word ON search_terms (word)",
            """
            CREATE TABLE search_deletions (
                deletion TEXT NOT NULL,
                word TEXT NOT NULL,
                PRIMARY KEY (deletion, word)
            )
            """,
            "CREATE INDEX variant_options_by_value ON variant_options (name, value)",
        ] + dialect.search.indexTables
    }
}

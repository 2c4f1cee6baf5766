extension Migration {
    /// The search index, written by the catalogue sync of `shelf build` so the search function
    /// never reads content files.
    ///
    /// `search_documents` holds one row per published product: what its card shows that the
    /// catalogue tables do not (brand, picture, colour swatches, release date) and a fingerprint
    /// of what was indexed, so a sync rewrites only the products that changed. The text itself
    /// is indexed by each engine's full-text search (``SearchDialect``): an FTS5 table on
    /// SQLite, a weighted `tsvector` with a GIN index on PostgreSQL. `search_words` is the
    /// vocabulary typos are corrected to, with how many products use each word (each document
    /// keeps its own words in `vocabulary`, so a re-index changes only the counts that moved), and
    /// `search_deletions` holds every vocabulary word with one character left out, which finds
    /// the words one typo away from a shopper's word.
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
                vocabulary TEXT NOT NULL,
                fingerprint TEXT NOT NULL
            )
            """,
            "CREATE INDEX search_documents_by_brand ON search_documents (brand)",
            """
            CREATE TABLE search_words (
                word TEXT PRIMARY KEY,
                products INTEGER NOT NULL CHECK (products > 0)
            )
            """,
            """
            CREATE TABLE search_deletions (
                deletion TEXT NOT NULL,
                word TEXT NOT NULL,
                PRIMARY KEY (deletion, word)
            )
            """,
        ] + dialect.search.indexTables
    }
}

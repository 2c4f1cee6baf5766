extension Migration {
    /// The search's own inverted index, written by `shelf build` and ranked in Swift
    /// (``SearchRanking``) on both engines alike, instead of the engine's bm25 of every match.
    ///
    /// `search_postings` holds, per folded word, the documents it occurs in with its weighted
    /// count (``SearchPostings``), as text; PostgreSQL compares its words by their bytes, as
    /// SQLite does, so a prefix is a range of them. `search_documents` gains each document's
    /// number in the postings (`doc`), its weighted length and its distinct words (`terms`, so
    /// a re-index rewrites only the rows of the words it had and has). The fingerprints are
    /// cleared so the next index writes every product, and so every posting.
    static let searchPostings = Migration(name: "search_postings") { dialect in
        [
            """
            CREATE TABLE search_postings (
                term TEXT \(dialect.name == Dialect.postgresql.name ? "COLLATE \"C\" " : "")PRIMARY KEY,
                postings TEXT NOT NULL
            )
            """,
            "ALTER TABLE search_documents ADD COLUMN doc BIGINT NULL",
            "ALTER TABLE search_documents ADD COLUMN length BIGINT NOT NULL DEFAULT 0",
            "ALTER TABLE search_documents ADD COLUMN terms TEXT NOT NULL DEFAULT ''",
            "CREATE UNIQUE INDEX search_documents_by_doc ON search_documents (doc)",
            "UPDATE search_documents SET fingerprint = ''",
        ]
    }
}

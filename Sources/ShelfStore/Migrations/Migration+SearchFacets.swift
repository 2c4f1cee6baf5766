extension Migration {
    /// What the search counts its facets from, kept beside each indexed product so a search
    /// reads one row per product instead of joining every variant's options, prices and stock.
    ///
    /// `search_documents` gains the product's categories and its variants (SKUs, prices,
    /// option values, ``SearchDocument/variants``); the fingerprints are cleared so the next
    /// index writes every product again. `search_state` holds a version that each index
    /// change moves, which tells a search function when the facts it keeps in memory are stale.
    /// FTS5's text is emptied: its rows now take the rowids of their `search_documents` rows
    /// (``SearchDialect/sqlite``), and the next index writes them all again.
    static let searchFacets = Migration(name: "search_facets") { dialect in
        (dialect.search.textTable.map { ["DELETE FROM \($0)"] } ?? []) + [
            "ALTER TABLE search_documents ADD COLUMN categories TEXT NOT NULL DEFAULT ''",
            "ALTER TABLE search_documents ADD COLUMN variants TEXT NOT NULL DEFAULT '[[], []]'",
            "UPDATE search_documents SET fingerprint = ''",
            """
            CREATE TABLE search_state (
                id INTEGER PRIMARY KEY CHECK (id = 1),
                version BIGINT NOT NULL
            )
            """,
            "INSERT INTO search_state (id, version) VALUES (1, 0)",
        ]
    }
}

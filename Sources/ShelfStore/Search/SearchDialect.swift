/// How each engine indexes and matches the search text: the only search SQL that differs.
///
/// Both receive text already folded into ``SearchWords`` (lower case, no accents, plurals
/// reduced), so they tokenize words separated by spaces and nothing else. A search no longer
/// asks them: it ranks from `search_postings` in Swift (``SearchRanking``); the engine's text
/// index is still written (and copied between engines) beside it.
struct SearchDialect: Sendable {
    /// The statements of the ``Migration/search`` migration that create the text index.
    let indexTables: [String]
    /// The engine's own table of the text (FTS5's, with the shadow tables named after it), which
    /// a copy to the other engine leaves out and writes again with ``writeText``; nil where the
    /// text is a column of `search_documents`.
    let textTable: String?
    /// Reads the text of every product from ``textTable``: a `handle` and the six fields.
    let readText: String?
    /// Stores a product's text, with the arguments ``writeArguments`` makes.
    let writeText: String
    /// The arguments of ``writeText`` for a handle and the six fields of its text (title,
    /// brand, categories, options, description, SKUs).
    let writeArguments: @Sendable (_ handle: String, _ fields: [String]) -> [SQLValue]
    /// Removes a product's text; the handle is the one argument.
    let deleteText: String

    /// FTS5 with a column per field. `unicode61` without its own accent removal splits our
    /// folded text exactly on its spaces.
    static let sqlite = SearchDialect(
        indexTables: [
            """
            CREATE VIRTUAL TABLE search_text USING fts5(
                handle UNINDEXED, title, brand, categories, options, description, skus,
                tokenize = 'unicode61 remove_diacritics 0'
            )
            """
        ],
        textTable: "search_text",
        readText: "SELECT handle, title, brand, categories, options, description, skus FROM search_text",
        // A product's text row has the rowid of its search_documents row, so that it is found
        // (and deleted) by rowid: `handle` is unindexed, and a DELETE by it reads every row.
        writeText: """
            INSERT INTO search_text (rowid, handle, title, brand, categories, options, description, skus)
            VALUES ((SELECT rowid FROM search_documents WHERE handle = ?), ?, ?, ?, ?, ?, ?, ?)
            """,
        writeArguments: { handle, fields in [.text(handle), .text(handle)] + fields.map { .text($0) } },
        deleteText: "DELETE FROM search_text WHERE rowid = (SELECT rowid FROM search_documents WHERE handle = ?)"
    )

    /// A `tsvector` of the `simple` configuration (no stemming or stop words of its own: the
    /// words are ours) with title, brand and SKUs at weight A, categories and options at B and
    /// the description at C, with a GIN index.
    static let postgresql = SearchDialect(
        indexTables: [
            "ALTER TABLE search_documents ADD COLUMN words TSVECTOR NOT NULL DEFAULT ''",
            "CREATE INDEX search_documents_words ON search_documents USING GIN (words)",
        ],
        textTable: nil,
        readText: nil,
        writeText: """
            UPDATE search_documents SET words =
                setweight(to_tsvector('simple', ?), 'A') || setweight(to_tsvector('simple', ?), 'A')
                || setweight(to_tsvector('simple', ?), 'B') || setweight(to_tsvector('simple', ?), 'B')
                || setweight(to_tsvector('simple', ?), 'C') || setweight(to_tsvector('simple', ?), 'A')
            WHERE handle = ?
            """,
        writeArguments: { handle, fields in fields.map { .text($0) } + [.text(handle)] },
        deleteText: "UPDATE search_documents SET words = '' WHERE handle = ?"
    )
}

extension SearchDialect {
    /// True for ``textTable`` and the tables the engine keeps beside it (`search_text_data`…).
    func ownsTable(_ name: String) -> Bool {
        guard let textTable else { return false }
        return name == textTable || name.hasPrefix(textTable + "_")
    }
}

/// One way a query word may be matched: the word itself, a correction of a typo, or a prefix.
struct SearchSpelling: Hashable, Sendable {
    var word: String
    var isPrefix: Bool
}

extension Dialect {
    /// The search SQL of this engine.
    var search: SearchDialect { name == Dialect.postgresql.name ? .postgresql : .sqlite }
}

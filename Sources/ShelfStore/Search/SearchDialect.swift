/// The engine's own full-text index of the search text, as the released migrations made it.
///
/// A search no longer asks it: it ranks from `search_postings` in Swift (``SearchRanking``),
/// so ``Migration/dropSearchText`` drops it and nothing writes it. ``Migration/search`` and
/// ``Migration/searchFacets`` still create and empty it on the way there.
struct SearchDialect: Sendable {
    /// The statements of the ``Migration/search`` migration that create the text index.
    let indexTables: [String]
    /// The engine's own table of the text (FTS5's, with the shadow tables named after it); nil
    /// where the text is a column of `search_documents`.
    let textTable: String?
    /// The statements of ``Migration/dropSearchText`` that remove the text index.
    let dropIndex: [String]

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
        dropIndex: ["DROP TABLE search_text"]
    )

    /// A `tsvector` of the `simple` configuration with a GIN index.
    static let postgresql = SearchDialect(
        indexTables: [
            "ALTER TABLE search_documents ADD COLUMN words TSVECTOR NOT NULL DEFAULT ''",
            "CREATE INDEX search_documents_words ON search_documents USING GIN (words)",
        ],
        textTable: nil,
        dropIndex: ["DROP INDEX search_documents_words", "ALTER TABLE search_documents DROP COLUMN words"]
    )
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

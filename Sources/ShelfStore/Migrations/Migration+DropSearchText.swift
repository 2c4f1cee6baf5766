extension Migration {
    /// Drops the engine's full-text index of the search text (FTS5's `search_text` on SQLite,
    /// `search_documents.words` and its GIN index on PostgreSQL): since ``searchPostings`` a
    /// search ranks from `search_postings` and corrects typos from `search_words`, so nothing
    /// reads it, and it was most of the search's bytes on disk and of `shelf build`'s writes.
    static let dropSearchText = Migration(name: "drop_search_text") { dialect in dialect.search.dropIndex }
}

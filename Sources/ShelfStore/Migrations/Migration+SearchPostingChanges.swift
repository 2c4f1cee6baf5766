extension Migration {
    /// Lets an index run that rewrites a few documents leave the big posting rows alone.
    ///
    /// `search_posting_changes` holds, per word and document, what recent runs changed: the
    /// word's new weighted count in the document, or 0 when the document no longer has it. A
    /// search reads a word's row of `search_postings` with its changes laid over it
    /// (``Store/postings(of:version:)``); a run that would leave too many changes pending folds
    /// them all into the rows (``Store/writePostings(_:foldingAbove:)``). The words compare by
    /// their bytes on both engines, as in `search_postings`, so a prefix is a range here too.
    static let searchPostingChanges = Migration(name: "search_posting_changes") { dialect in
        [
            """
            CREATE TABLE search_posting_changes (
                term TEXT \(dialect.name == Dialect.postgresql.name ? "COLLATE \"C\" " : "")NOT NULL,
                doc BIGINT NOT NULL,
                frequency BIGINT NOT NULL CHECK (frequency >= 0),
                PRIMARY KEY (term, doc)
            )
            """
        ]
    }
}

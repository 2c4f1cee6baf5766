extension Migration {
    /// What lets a search function that read the index at one version catch up with a later
    /// one by reading only what changed (``SearchCatalogue/patch(_:to:)``) instead of every product.
    ///
    /// `search_documents.version` is the index version at which each row was last written;
    /// `search_removals` records each product that left the index, with the version at which it
    /// left. `search_state.removals_since` is the oldest version from which those records are
    /// complete: older ones are pruned, and a process holding a version below it reads the whole
    /// index again. Rows written before this migration keep version 0, and the records start now.
    static let searchChanges = Migration(name: "search_changes") { _ in
        [
            "ALTER TABLE search_documents ADD COLUMN version BIGINT NOT NULL DEFAULT 0",
            "CREATE INDEX search_documents_by_version ON search_documents (version)",
            """
            CREATE TABLE search_removals (
                version BIGINT NOT NULL,
                handle TEXT NOT NULL,
                PRIMARY KEY (version, handle)
            )
            """,
            "ALTER TABLE search_state ADD COLUMN removals_since BIGINT NOT NULL DEFAULT 0",
            "UPDATE search_state SET removals_since = version",
        ]
    }
}

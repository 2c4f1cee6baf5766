extension Migration {
    /// The fingerprint of the content a build last synced the whole catalogue and search index
    /// from, with the search index version that sync left, so that a build without `.shelf/`
    /// (a fresh checkout, a CI runner) whose content the database already holds writes nothing.
    ///
    /// A build forgets the row before it syncs and records it once the sync and the index are
    /// done; a search index changed since (its version moved) makes it stale.
    static let catalogueSynced = Migration(name: "catalogue_synced") { _ in
        [
            """
            CREATE TABLE catalogue_synced (
                id INTEGER PRIMARY KEY CHECK (id = 1),
                fingerprint BIGINT NOT NULL,
                search_version BIGINT NOT NULL
            )
            """
        ]
    }
}

extension Store {
    /// The fingerprint recorded by ``recordSyncedCatalogue(_:)`` when the search index is still
    /// as that sync left it; nil when none is recorded, when ``forgetSyncedCatalogue()`` ran
    /// since, or when the search index changed since.
    public func syncedCatalogue() throws -> Int64? {
        let rows = try database.query(
            """
            SELECT catalogue_synced.fingerprint FROM catalogue_synced, search_state
            WHERE catalogue_synced.id = 1 AND search_state.id = 1 AND catalogue_synced.search_version = search_state.version
            """)
        return try rows.first?.int64("fingerprint")
    }

    /// Records that the catalogue and the search index now hold the content with `fingerprint`
    /// (the caller's own hash of it), at the search index's current version.
    ///
    /// Call after a sync of the whole catalogue and its search index have both committed: a
    /// build that crashes in between leaves nothing recorded, and the next one syncs again.
    public func recordSyncedCatalogue(_ fingerprint: Int64) throws {
        try database.transaction {
            let version = try database.query("SELECT version FROM search_state WHERE id = 1").first?.int64("version") ?? 0
            try database.execute(
                """
                INSERT INTO catalogue_synced (id, fingerprint, search_version) VALUES (1, ?, ?)
                ON CONFLICT (id) DO UPDATE SET fingerprint = excluded.fingerprint, search_version = excluded.search_version
                """, [.integer(fingerprint), .integer(version)])
        }
    }

    /// Forgets the recorded fingerprint; call before a sync of the catalogue, which may leave
    /// rows that no recorded content describes if the build stops before its record.
    public func forgetSyncedCatalogue() throws {
        try database.execute("DELETE FROM catalogue_synced")
    }
}

/// Where the search index stands, from `search_state`: its version, the oldest version from
/// which every removal is still recorded, and how many migrations the schema has had. A search
/// process compares it with the version it holds to patch or read its catalogue again.
struct SearchIndexState: Equatable {
    var version: Int64
    var removalsSince: Int64
    var schema: Int

    /// The state now (a version of 0 before the first index).
    static func read(_ database: any Database) throws -> SearchIndexState {
        let row = try database.query(
            """
            SELECT s.version, s.removals_since, (SELECT COUNT(*) FROM schema_migrations) AS migrations
            FROM search_state s WHERE s.id = 1
            """
        ).first
        return SearchIndexState(
            version: try row?.int64("version") ?? 0, removalsSince: try row?.int64("removals_since") ?? 0,
            schema: try row?.int("migrations") ?? 0)
    }

    /// Whether a catalogue read at `version` under `schema` can be brought up to this state from
    /// the rows written and the removals recorded since.
    func canPatch(from version: Int64, schema: Int) -> Bool {
        schema == self.schema && version >= removalsSince && version < self.version && version >= 0
    }
}

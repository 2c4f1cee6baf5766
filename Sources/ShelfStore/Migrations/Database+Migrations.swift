extension Database {
    /// Applies the migrations not yet recorded in `schema_migrations`, each in its own
    /// transaction, and returns the names applied (none when the schema is current).
    ///
    /// Each migration checks again inside its transaction whether it is applied, so two
    /// processes migrating at once apply every migration exactly once.
    func migrate(_ migrations: [Migration] = Migration.all) throws -> [String] {
        try transaction {
            for statement in dialect.schemaLock { try execute(statement) }
            try execute("CREATE TABLE IF NOT EXISTS schema_migrations (name TEXT PRIMARY KEY)")
        }
        var applied: [String] = []
        for migration in migrations {
            let didApply = try transaction {
                for statement in dialect.schemaLock { try execute(statement) }
                guard try query("SELECT name FROM schema_migrations WHERE name = ?", [.text(migration.name)]).isEmpty else {
                    return false
                }
                for statement in migration.statements(dialect) {
                    try execute(statement)
                }
                try execute("INSERT INTO schema_migrations (name) VALUES (?)", [.text(migration.name)])
                return true
            }
            if didApply { applied.append(migration.name) }
        }
        return applied
    }
}

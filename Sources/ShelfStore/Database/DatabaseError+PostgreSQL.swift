import CSQLite

extension DatabaseError {
    /// A serialization failure or a deadlock: the transaction may succeed when run again.
    var isRetryableTransactionFailure: Bool {
        sqlState == "40001" || sqlState == "40P01"
    }

    /// A PostgreSQL error under the result code SQLite gives the same failure, so that callers
    /// (``isStorageFailure``, a constraint check) ask one question of either engine.
    init(postgresMessage message: String, sqlState: String?, sql: String?) {
        self.init(message: message, sql: sql, code: Self.sqliteCode(forSQLState: sqlState), sqlState: sqlState)
    }

    /// Unique, foreign key, check and not-null violations become SQLite's constraint codes;
    /// a connection that failed or broke, a full disk, no memory, too many connections, a
    /// server shutting down, and a serialization failure or deadlock left after every retry
    /// become the codes ``isStorageFailure`` counts, so the functions answer 503.
    private static func sqliteCode(forSQLState state: String?) -> Int32 {
        guard let state else { return SQLITE_CANTOPEN }
        switch state {
        // SQLite's extended codes, which Swift does not import: SQLITE_CONSTRAINT_UNIQUE and so on.
        case "23505": return SQLITE_CONSTRAINT | 8 << 8
        case "23503": return SQLITE_CONSTRAINT | 3 << 8
        case "23514": return SQLITE_CONSTRAINT | 1 << 8
        case "23502": return SQLITE_CONSTRAINT | 5 << 8
        case "40001", "40P01", "55P03", "53300": return SQLITE_BUSY
        case "53100": return SQLITE_FULL
        case "53200": return SQLITE_NOMEM
        default: break
        }
        switch state.prefix(2) {
        case "23": return SQLITE_CONSTRAINT
        // Connection exceptions, a server shutting down (57P01…), system and I/O errors.
        case "08", "57", "58", "XX": return SQLITE_IOERR
        case "53": return SQLITE_FULL
        default: return SQLITE_ERROR
        }
    }
}

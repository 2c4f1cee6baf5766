import CSQLite

extension DatabaseError {
    /// True when the machine, not the request, is at fault: the disk is full, a read or write
    /// failed, a file could not be opened, memory ran out, or a lock stayed held past every
    /// retry. Such a failure passes; the functions answer 503 and ask the shopper to try again
    /// shortly.
    public var isStorageFailure: Bool {
        Self.storageFailureCodes.contains(code & 0xFF)
    }

    /// True when the schema refused the statement: a unique, foreign key, check or not-null
    /// constraint (SQLite's `SQLITE_CONSTRAINT`, PostgreSQL's class 23).
    var isConstraintViolation: Bool {
        code & 0xFF == SQLITE_CONSTRAINT
    }

    /// True when a unique constraint or primary key refused the statement: a row with the same
    /// key exists, or another transaction committed one first.
    var isUniqueViolation: Bool {
        // SQLite's extended codes SQLITE_CONSTRAINT_PRIMARYKEY and SQLITE_CONSTRAINT_UNIQUE.
        code == SQLITE_CONSTRAINT | 6 << 8 || code == SQLITE_CONSTRAINT | 8 << 8
    }

    private static let storageFailureCodes: Set<Int32> = [
        SQLITE_FULL, SQLITE_IOERR, SQLITE_CANTOPEN, SQLITE_NOMEM, SQLITE_BUSY, SQLITE_LOCKED, SQLITE_PROTOCOL,
    ]
}

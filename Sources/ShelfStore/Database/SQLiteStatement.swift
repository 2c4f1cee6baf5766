import CSQLite

/// One prepared SQLite statement, finalized when the last reference goes.
///
/// Not thread-safe on its own: ``SQLiteDatabase`` owns its statements and uses them under its lock.
final class SQLiteStatement {
    let sql: String
    private let handle: OpaquePointer
    private let connection: OpaquePointer
    private var columns: [String]
    /// How many times SQLite had prepared the statement again (after a schema change) when
    /// `columns` were read: the columns are read again once that count moves.
    private var columnsRead: Int32

    /// Prepares exactly one statement; several statements in one string are refused, since
    /// the rest would be silently ignored.
    init(_ sql: String, connection: OpaquePointer) throws {
        var handle: OpaquePointer?
        // The tail points into the C string, so it is read while that string is alive.
        let (result, severalStatements) = sql.withCString { text in
            var tail: UnsafePointer<CChar>?
            let result = sqlite3_prepare_v2(connection, text, -1, &handle, &tail)
            return (result, tail.map { !String(cString: $0).allSatisfy(\.isWhitespace) } ?? false)
        }
        guard result == SQLITE_OK, let handle else {
            throw DatabaseError(message: String(cString: sqlite3_errmsg(connection)), sql: sql, code: result)
        }
        if severalStatements {
            sqlite3_finalize(handle)
            throw DatabaseError(message: "one statement at a time, please; this text holds several", sql: sql)
        }
        self.sql = sql
        self.handle = handle
        self.connection = connection
        self.columns = Self.columns(of: handle)
        self.columnsRead = sqlite3_stmt_status(handle, SQLITE_STMTSTATUS_REPREPARE, 0)
    }

    private static func columns(of handle: OpaquePointer) -> [String] {
        (0..<sqlite3_column_count(handle)).map { String(cString: sqlite3_column_name(handle, $0)) }
    }

    deinit {
        sqlite3_finalize(handle)
    }

    /// Binds `arguments` to the placeholders, steps to the end and returns the rows produced.
    /// The statement is reset afterwards, ready for the next use; its bindings are not cleared,
    /// since every use binds every placeholder again.
    func rows(binding arguments: [SQLValue]) throws -> [Row] {
        defer { sqlite3_reset(handle) }
        try bind(arguments)
        var rows: [Row] = []
        while true {
            let result = sqlite3_step(handle)
            switch result {
            case SQLITE_ROW:
                if rows.isEmpty { readColumnsAgainIfPreparedAgain() }
                rows.append(Row(columns: columns, values: try currentValues()))
            case SQLITE_DONE: return rows
            default: throw failure(result)
            }
        }
    }

    private func bind(_ arguments: [SQLValue]) throws {
        let expected = Int(sqlite3_bind_parameter_count(handle))
        guard arguments.count == expected else {
            throw DatabaseError(message: "the statement has \(expected) placeholders but \(arguments.count) arguments were given", sql: sql)
        }
        // SQLITE_TRANSIENT: SQLite copies the text before the Swift string's buffer goes away.
        let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)
        for (offset, argument) in arguments.enumerated() {
            let index = Int32(offset + 1)
            let result =
                switch argument {
                case .null: sqlite3_bind_null(handle, index)
                case .integer(let value): sqlite3_bind_int64(handle, index, value)
                case .text(let value): sqlite3_bind_text(handle, index, value, Int32(value.utf8.count), transient)
                }
            guard result == SQLITE_OK else { throw failure(result) }
        }
    }

    /// SQLite prepares a statement again when the schema changed under it (`SELECT *` of an
    /// altered table then has other columns); the names are read again only then.
    private func readColumnsAgainIfPreparedAgain() {
        let prepared = sqlite3_stmt_status(handle, SQLITE_STMTSTATUS_REPREPARE, 0)
        guard prepared != columnsRead else { return }
        columns = Self.columns(of: handle)
        columnsRead = prepared
    }

    private func currentValues() throws -> [SQLValue] {
        try (0..<Int32(columns.count)).map { index in
            switch sqlite3_column_type(handle, index) {
            case SQLITE_NULL:
                return .null
            case SQLITE_INTEGER:
                return .integer(sqlite3_column_int64(handle, index))
            case SQLITE_TEXT:
                let bytes = UnsafeBufferPointer(start: sqlite3_column_text(handle, index), count: Int(sqlite3_column_bytes(handle, index)))
                return .text(String(decoding: bytes, as: UTF8.self))
            default:
                throw DatabaseError(
                    message: "column \"\(columns[Int(index)])\" holds a real number or a blob, which the store never stores", sql: sql
                )
            }
        }
    }

    private func failure(_ result: Int32) -> DatabaseError {
        DatabaseError(message: String(cString: sqlite3_errmsg(connection)), sql: sql, code: result)
    }
}

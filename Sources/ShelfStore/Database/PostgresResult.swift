import CPostgreSQL

/// One libpq result, cleared when the last reference goes: its status, its error, and its rows
/// as ``SQLValue``s chosen by each column's type.
final class PostgresResult {
    private let handle: OpaquePointer
    let sql: String

    /// Takes ownership of `handle`; a nil one (libpq out of memory, or the connection lost)
    /// becomes the connection's error.
    init(_ handle: OpaquePointer?, connection: OpaquePointer, sql: String) throws {
        guard let handle else {
            throw DatabaseError(postgresMessage: Self.message(of: connection), sqlState: nil, sql: sql)
        }
        self.handle = handle
        self.sql = sql
        switch PQresultStatus(handle) {
        case PGRES_COMMAND_OK, PGRES_TUPLES_OK: break
        default:
            let state = PQresultErrorField(handle, Int32(UInt8(ascii: "C"))).map { String(cString: $0) }
            // The primary message alone ("duplicate key value violates unique constraint …"), as
            // SQLite's messages are, without libpq's "ERROR:" and line breaks.
            let primary = PQresultErrorField(handle, Int32(UInt8(ascii: "M"))).map { String(cString: $0) }
            let text = primary ?? String(cString: PQresultErrorMessage(handle)).trimmingTrailingWhitespace
            throw DatabaseError(postgresMessage: text.isEmpty ? Self.message(of: connection) : text, sqlState: state, sql: sql)
        }
    }

    deinit {
        PQclear(handle)
    }

    /// How many rows an INSERT, UPDATE or DELETE changed; 0 for other statements.
    var changes: Int {
        Int(String(cString: PQcmdTuples(handle))) ?? 0
    }

    /// Every row, each value read from its text form by the column's type.
    func rows() throws -> [Row] {
        let columnCount = PQnfields(handle)
        let columns = (0..<columnCount).map { String(cString: PQfname(handle, $0)) }
        let types = (0..<columnCount).map { PQftype(handle, $0) }
        return try (0..<PQntuples(handle)).map { row in
            let values = try (0..<columnCount).map { column -> SQLValue in
                if PQgetisnull(handle, row, column) != 0 { return .null }
                let text = String(cString: PQgetvalue(handle, row, column))
                return try value(text, type: types[Int(column)], column: columns[Int(column)])
            }
            return Row(columns: columns, values: values)
        }
    }

    /// The value of a column of type `oid` from its text form.
    ///
    /// Integers of every width, and `numeric` when whole (what `SUM` of a `BIGINT` gives), are
    /// integers; booleans are 0 or 1 as the store stores them; text of every kind is text.
    /// Real numbers and bytes are refused, as the SQLite driver refuses them: the store never
    /// stores either (money is integer minor units).
    private func value(_ text: String, type oid: Oid, column: String) throws -> SQLValue {
        switch oid {
        case Self.int2, Self.int4, Self.int8, Self.oid:
            guard let value = Int64(text) else { break }
            return .integer(value)
        case Self.numeric:
            guard let value = Int64(text.hasSuffix(".0") ? String(text.dropLast(2)) : text) else { break }
            return .integer(value)
        case Self.bool:
            return .integer(text == "t" ? 1 : 0)
        case Self.void:
            return .null
        case Self.float4, Self.float8, Self.bytea:
            break
        default:
            return .text(text)
        }
        throw DatabaseError(
            message: "column \"\(column)\" holds \(text.prefix(40)) (type \(oid)), which the store never stores: "
                + "only integers, booleans and text", sql: sql)
    }

    /// The connection's last error, without libpq's trailing newline.
    static func message(of connection: OpaquePointer) -> String {
        String(cString: PQerrorMessage(connection)).trimmingTrailingWhitespace
    }

    // The built-in type OIDs of pg_type.h, fixed since PostgreSQL 7.
    private static let bool: Oid = 16
    private static let bytea: Oid = 17
    private static let int8: Oid = 20
    private static let int2: Oid = 21
    private static let int4: Oid = 23
    private static let oid: Oid = 26
    private static let float4: Oid = 700
    private static let float8: Oid = 701
    private static let numeric: Oid = 1700
    private static let void: Oid = 2278
}

extension String {
    fileprivate var trimmingTrailingWhitespace: String {
        String(self[..<(lastIndex { !$0.isWhitespace }.map { index(after: $0) } ?? startIndex)])
    }
}

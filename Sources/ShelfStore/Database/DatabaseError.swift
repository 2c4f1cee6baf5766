/// A failure reported by the database engine, with the engine's own message and the statement.
///
/// Domain failures (an unknown SKU, too little stock) are ``StoreError``s instead; a
/// `DatabaseError` means the database refused or could not run a statement.
public struct DatabaseError: Error, CustomStringConvertible {
    /// The engine's explanation, such as `CHECK constraint failed: on_hand >= 0`.
    public let message: String
    /// The statement that failed, when there was one.
    public let sql: String?
    /// The engine's result code (SQLite's extended result code), 0 when the error is ours.
    /// PostgreSQL's errors carry the code SQLite gives the same failure.
    let code: Int32
    /// PostgreSQL's SQLSTATE (`23505`), when PostgreSQL reported the error.
    let sqlState: String?

    init(message: String, sql: String? = nil, code: Int32 = 0, sqlState: String? = nil) {
        self.message = message
        self.sql = sql
        self.code = code
        self.sqlState = sqlState
    }

    public var description: String {
        guard let sql else { return "database error: \(message)" }
        return "database error: \(message) (in \(sql))"
    }
}

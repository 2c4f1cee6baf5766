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
    let code: Int32

    init(message: String, sql: String? = nil, code: Int32 = 0) {
        self.message = message
        self.sql = sql
        self.code = code
    }

    public var description: String {
        guard let sql else { return "database error: \(message)" }
        return "database error: \(message) (in \(sql))"
    }
}

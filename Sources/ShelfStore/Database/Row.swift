/// One result row, read by column name with the type the caller expects.
///
/// ```swift
/// let onHand = try row.int("on_hand")
/// ```
///
/// A query the store reads on every request can read its columns by place instead
/// (`try row.int(at: 3)`), with the places named next to its SQL.
struct Row: Sendable {
    /// Column names in result order, shared by every row of a result.
    let columns: [String]
    let values: [SQLValue]

    /// The raw value of a column; throws when the result has no such column.
    func value(_ column: String) throws -> SQLValue {
        values[try place(of: column)]
    }

    /// An integer column that must not be NULL.
    func int64(_ column: String) throws -> Int64 { try int64(at: try place(of: column)) }

    /// An integer column that must not be NULL, as `Int`.
    func int(_ column: String) throws -> Int { Int(try int64(column)) }

    /// An integer column that may be NULL.
    func optionalInt64(_ column: String) throws -> Int64? { try optionalInt64(at: try place(of: column)) }

    /// A boolean column stored as 0 or 1.
    func bool(_ column: String) throws -> Bool { try bool(at: try place(of: column)) }

    /// A text column that must not be NULL.
    func text(_ column: String) throws -> String { try text(at: try place(of: column)) }

    /// A text column that may be NULL.
    func optionalText(_ column: String) throws -> String? { try optionalText(at: try place(of: column)) }

    private func place(of column: String) throws -> Int {
        guard let index = columns.firstIndex(of: column) else {
            throw DatabaseError(message: "the result has no column \"\(column)\"; it has \(columns.joined(separator: ", "))")
        }
        return index
    }
}

/// One result row, read by column name with the type the caller expects.
///
/// ```swift
/// let onHand = try row.int("on_hand")
/// ```
struct Row: Sendable {
    /// Column names in result order, shared by every row of a result.
    let columns: [String]
    let values: [SQLValue]

    /// The raw value of a column; throws when the result has no such column.
    func value(_ column: String) throws -> SQLValue {
        guard let index = columns.firstIndex(of: column) else {
            throw DatabaseError(message: "the result has no column \"\(column)\"; it has \(columns.joined(separator: ", "))")
        }
        return values[index]
    }

    /// An integer column that must not be NULL.
    func int64(_ column: String) throws -> Int64 {
        guard case .integer(let value) = try value(column) else { throw mismatch(column, expected: "an integer") }
        return value
    }

    /// An integer column that must not be NULL, as `Int`.
    func int(_ column: String) throws -> Int {
        Int(try int64(column))
    }

    /// An integer column that may be NULL.
    func optionalInt64(_ column: String) throws -> Int64? {
        switch try value(column) {
        case .null: nil
        case .integer(let value): value
        case .text: throw mismatch(column, expected: "an integer or NULL")
        }
    }

    /// A boolean column stored as 0 or 1.
    func bool(_ column: String) throws -> Bool {
        switch try int64(column) {
        case 0: false
        case 1: true
        default: throw mismatch(column, expected: "0 or 1")
        }
    }

    /// A text column that must not be NULL.
    func text(_ column: String) throws -> String {
        guard case .text(let value) = try value(column) else { throw mismatch(column, expected: "text") }
        return value
    }

    /// A text column that may be NULL.
    func optionalText(_ column: String) throws -> String? {
        switch try value(column) {
        case .null: nil
        case .text(let value): value
        case .integer: throw mismatch(column, expected: "text or NULL")
        }
    }

    private func mismatch(_ column: String, expected: String) -> DatabaseError {
        let found = (try? value(column)).map { "\($0)" } ?? "nothing"
        return DatabaseError(message: "column \"\(column)\" should hold \(expected) but holds \(found)")
    }
}

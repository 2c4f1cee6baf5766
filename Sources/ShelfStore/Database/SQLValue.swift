/// A value bound to a statement's `?` placeholder or read from a result column.
///
/// Booleans are stored as the integers 0 and 1 and money as integer minor units, so the same
/// three kinds cover SQLite and PostgreSQL alike.
enum SQLValue: Hashable, Sendable {
    case null
    case integer(Int64)
    case text(String)

    /// An `Int` as an integer value.
    static func int(_ value: Int) -> SQLValue { .integer(Int64(value)) }

    /// A boolean as the integer 0 or 1.
    static func bool(_ value: Bool) -> SQLValue { .integer(value ? 1 : 0) }

    /// Text, or NULL when `value` is nil.
    static func text(_ value: String?) -> SQLValue { value.map { .text($0) } ?? .null }

    /// An integer, or NULL when `value` is nil.
    static func integer(_ value: Int64?) -> SQLValue { value.map { .integer($0) } ?? .null }
}

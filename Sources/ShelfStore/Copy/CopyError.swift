/// Why ``Store/copy(to:replacingData:)`` copied nothing, worded for the merchant.
public enum CopyError: Error, CustomStringConvertible {
    /// The source's engine keeps no row order to read a table by (PostgreSQL); copies go from SQLite.
    case sourceNotCopyable(engine: String)
    /// The target already holds rows of its own in these tables (name and rows).
    case targetHoldsData([(table: String, rows: Int64)])
    /// The target's table lacks columns the source's has, or has no such table.
    case schemasDiffer(table: String, missing: [String])
    /// A table differs after the copy; the copy was rolled back.
    case mismatch(DatabaseCopy)

    public var description: String {
        switch self {
        case .sourceNotCopyable(let engine):
            "a copy reads an SQLite database; this one is \(engine)"
        case .targetHoldsData(let tables):
            "the target database already holds data ("
                + tables.map { "\($0.table): \($0.rows) rows" }.joined(separator: ", ")
                + "); nothing was copied. Copy into an empty database, or add --replace to delete what it holds first"
        case .schemasDiffer(let table, let missing):
            missing.isEmpty
                ? "the target database has no table \(table); nothing was copied. Run the same shelf on both sides"
                : "the target's table \(table) lacks \(missing.joined(separator: ", ")); nothing was copied. Run the same shelf on both sides"
        case .mismatch(let copy):
            "after the copy, "
                + copy.tables.filter { !$0.matches }.map(\.name).joined(separator: ", ")
                + " differed from the source; the copy was rolled back and nothing was written. "
                + "Make sure nothing else writes to the target database, then run the copy again"
        }
    }
}

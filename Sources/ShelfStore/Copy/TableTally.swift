/// What a copy compares of one table on both sides: how many rows it has, the sum of each
/// integer column (ids, money, quantities, stock, times) and the characters of all its text.
public struct TableTally: Equatable, Sendable {
    /// The rows of the table.
    public let rows: Int64
    /// The sum of each integer column, by column name.
    public let sums: [String: Int64]
    /// The characters of every text value of the table, together.
    public let characters: Int64

    /// The sums of every integer column together, for a one-line summary.
    public var sumOfSums: Int64 { sums.values.reduce(0, &+) }

    /// Counts and sums `table` in `database` with one query.
    static func of(_ table: TableLayout, in database: any Database) throws -> TableTally {
        var selected = ["COUNT(*) AS shelf_rows"]
        for (index, column) in table.columns.enumerated() {
            let name = TableLayout.quote(column.name)
            selected.append(column.isInteger ? "COALESCE(SUM(\(name)), 0) AS c\(index)" : "COALESCE(SUM(length(\(name))), 0) AS c\(index)")
        }
        let row = try database.query("SELECT \(selected.joined(separator: ", ")) FROM \(table.quotedName)")[0]
        var sums: [String: Int64] = [:]
        var characters: Int64 = 0
        for (index, column) in table.columns.enumerated() {
            let value = try row.int64("c\(index)")
            if column.isInteger { sums[column.name] = value } else { characters += value }
        }
        return TableTally(rows: try row.int64("shelf_rows"), sums: sums, characters: characters)
    }
}

extension TableTally {
    /// The rows of `table` in `database`.
    static func rows(of table: TableLayout, in database: any Database) throws -> Int64 {
        try database.query("SELECT COUNT(*) AS shelf_rows FROM \(table.quotedName)")[0].int64("shelf_rows")
    }
}

/// `rows` as lines of aligned columns: every column but the last padded to its widest cell, two
/// spaces between columns, so that no value runs into the next however long it is.
///
/// ```swift
/// columns([["ID", "TO"], ["1", "ann@example.com"]]).forEach { print($0) }
/// ```
func columns(_ rows: [[String]]) -> [String] {
    let count = rows.map(\.count).max() ?? 0
    let widths = (0..<count).map { column in rows.map { column < $0.count ? $0[column].count : 0 }.max() ?? 0 }
    return rows.map { row in
        var line = row.enumerated().map { column, cell in column == row.count - 1 ? cell : pad(cell, widths[column]) }
            .joined(separator: "  ")
        while line.last == " " { line.removeLast() }
        return line
    }
}

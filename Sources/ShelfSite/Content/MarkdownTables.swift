import ShelfCore

/// GitHub-style pipe tables, which CommonMark lacks and size guides need.
///
/// ```
/// | Size | Chest (cm) |
/// |---|---:|
/// | S | 88–93 |
/// ```
struct MarkdownTables {
    struct Table {
        var header: [String]
        var alignments: [String?]
        var rows: [[String]]

        /// The table as HTML, each cell's Markdown rendered by `inline`.
        func html(_ inline: (String) -> String) -> String {
            func cells(_ row: [String], tag: String) -> String {
                (0..<header.count).map { index in
                    let text = index < row.count ? row[index] : ""
                    let align = alignments[index].map { " class=\"align-\($0)\"" } ?? ""
                    return "<\(tag)\(align)>\(inline(text))</\(tag)>"
                }.joined()
            }
            var html = "<div class=\"table-scroll\"><table>\n<thead><tr>\(cells(header, tag: "th"))</tr></thead>\n<tbody>\n"
            for row in rows { html += "<tr>\(cells(row, tag: "td"))</tr>\n" }
            return html + "</tbody>\n</table></div>\n"
        }
    }

    static func placeholder(_ index: Int) -> String { "SHELFTABLE\(index)END" }

    /// The Markdown with each table replaced by a placeholder paragraph, and the tables.
    static func extract(_ markdown: String) -> (String, [Table]) {
        guard markdown.utf8.contains(UInt8(ascii: "|")) else { return (markdown, []) }
        let lines = markdown.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var output: [String] = []
        var tables: [Table] = []
        var index = 0
        var inFence = false
        while index < lines.count {
            let line = lines[index]
            if line.trimmingSpaces.hasPrefix("```") || line.trimmingSpaces.hasPrefix("~~~") { inFence.toggle() }
            if !inFence, index + 1 < lines.count, isRow(line), let alignments = delimiter(lines[index + 1]) {
                let header = cells(line)
                if header.count == alignments.count {
                    var rows: [[String]] = []
                    index += 2
                    while index < lines.count, isRow(lines[index]) {
                        rows.append(cells(lines[index]))
                        index += 1
                    }
                    output += ["", placeholder(tables.count), ""]
                    tables.append(Table(header: header, alignments: alignments, rows: rows))
                    continue
                }
            }
            output.append(line)
            index += 1
        }
        return (output.joined(separator: "\n"), tables)
    }

    private static func isRow(_ line: String) -> Bool {
        let trimmed = line.trimmingSpaces
        return trimmed.hasPrefix("|") && trimmed.count > 1
    }

    private static func cells(_ line: String) -> [String] {
        var trimmed = Substring(line.trimmingSpaces)
        if trimmed.hasPrefix("|") { trimmed = trimmed.dropFirst() }
        if trimmed.hasSuffix("|") { trimmed = trimmed.dropLast() }
        return trimmed.split(separator: "|", omittingEmptySubsequences: false).map { String($0).trimmingSpaces }
    }

    /// The alignments of a delimiter row (`|---|:---:|`), or nil when the line is not one.
    private static func delimiter(_ line: String) -> [String?]? {
        guard isRow(line) else { return nil }
        var alignments: [String?] = []
        for cell in cells(line) {
            let dashes = cell.trimmingCharacters(in: ":")
            guard !dashes.isEmpty, dashes.allSatisfy({ $0 == "-" }) else { return nil }
            switch (cell.hasPrefix(":"), cell.hasSuffix(":")) {
            case (true, true): alignments.append("center")
            case (false, true): alignments.append("right")
            case (true, false): alignments.append("left")
            default: alignments.append(nil)
            }
        }
        return alignments
    }
}

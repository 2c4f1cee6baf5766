import ShelfConfig

/// A content file split into its YAML front matter and its Markdown body.
struct FrontMatter {
    /// The YAML between the two `---` lines.
    var yaml: String
    /// The Markdown after the closing `---`.
    var body: String
    /// The file line of the first YAML line, to turn YAML lines into file lines.
    var yamlFirstLine: Int

    /// Splits `text`; a file without a front matter block is an error naming its first line.
    init(splitting text: String, file: String) throws(SiteError) {
        // Scans bytes for the fence lines: the files are many and the split must cost nothing.
        let bytes = text.utf8
        guard let yamlStart = FrontMatter.fenceEnd(in: bytes, at: bytes.startIndex) else {
            throw SiteError(file, line: 1, "the file must start with a front matter block: a line `---`, YAML, and another `---`")
        }
        var lineStart = yamlStart
        while lineStart < bytes.endIndex {
            if let bodyStart = FrontMatter.fenceEnd(in: bytes, at: lineStart) {
                yaml = String(text[yamlStart..<lineStart])
                body = String(text[bodyStart...])
                yamlFirstLine = 2
                return
            }
            guard let newline = bytes[lineStart...].firstIndex(of: UInt8(ascii: "\n")) else { break }
            lineStart = bytes.index(after: newline)
        }
        throw SiteError(file, line: 1, "the front matter block opened on line 1 is never closed; add a line `---` after it")
    }

    /// When a `---` line (with an optional CR) starts at `start`, the index just past it.
    private static func fenceEnd(in bytes: String.UTF8View, at start: String.Index) -> String.Index? {
        var index = start
        for _ in 0..<3 {
            guard index < bytes.endIndex, bytes[index] == UInt8(ascii: "-") else { return nil }
            index = bytes.index(after: index)
        }
        if index < bytes.endIndex, bytes[index] == UInt8(ascii: "\r") { index = bytes.index(after: index) }
        if index == bytes.endIndex { return index }
        guard bytes[index] == UInt8(ascii: "\n") else { return nil }
        return bytes.index(after: index)
    }
}

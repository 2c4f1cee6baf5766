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
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)[...]
        guard let first = lines.first, first.trimmingTrailingCarriageReturn == "---" else {
            throw SiteError(file, line: 1, "the file must start with a front matter block: a line `---`, YAML, and another `---`")
        }
        lines = lines.dropFirst()
        guard let end = lines.firstIndex(where: { $0.trimmingTrailingCarriageReturn == "---" }) else {
            throw SiteError(file, line: 1, "the front matter block opened on line 1 is never closed; add a line `---` after it")
        }
        yaml = lines[lines.startIndex..<end].joined(separator: "\n")
        body = lines[(end + 1)...].joined(separator: "\n")
        yamlFirstLine = 2
    }
}

extension Substring {
    fileprivate var trimmingTrailingCarriageReturn: Substring {
        last == "\r" ? dropLast() : self
    }
}

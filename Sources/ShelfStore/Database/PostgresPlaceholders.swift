/// The store's portable SQL with PostgreSQL's numbered placeholders: each `?` becomes `$1`, `$2`…
/// in order, except inside string literals, quoted identifiers, dollar-quoted bodies and comments,
/// where a `?` is text and stays as it is.
///
/// ```swift
/// PostgresPlaceholders("SELECT 'why?' FROM stock WHERE sku = ?").sql  // SELECT 'why?' FROM stock WHERE sku = $1
/// ```
struct PostgresPlaceholders {
    /// The statement as PostgreSQL reads it.
    let sql: String
    /// How many placeholders it has.
    let count: Int

    init(_ portable: String) {
        var output = ""
        output.reserveCapacity(portable.utf8.count + 8)
        var count = 0
        var rest = Substring(portable)
        while let character = rest.first {
            switch character {
            case "?":
                count += 1
                output += "$\(count)"
                rest.removeFirst()
            case "'", "\"":
                output += Self.take(quoted: character, from: &rest)
            case "-" where rest.hasPrefix("--"):
                let end = rest.firstIndex(of: "\n") ?? rest.endIndex
                output += rest[..<end]
                rest = rest[end...]
            case "/" where rest.hasPrefix("/*"):
                let body = rest.dropFirst(2)
                let end = body.firstRange(of: "*/")?.upperBound ?? rest.endIndex
                output += rest[..<end]
                rest = rest[end...]
            case "$":
                output += Self.take(dollarQuotedFrom: &rest)
            default:
                output.append(character)
                rest.removeFirst()
            }
        }
        sql = output
        self.count = count
    }

    /// A literal or identifier from its opening quote to its closing one; a doubled quote inside
    /// is part of it. An unclosed one runs to the end, for the server to refuse.
    private static func take(quoted quote: Character, from rest: inout Substring) -> Substring {
        var index = rest.index(after: rest.startIndex)
        while index < rest.endIndex {
            if rest[index] == quote {
                let next = rest.index(after: index)
                guard next < rest.endIndex, rest[next] == quote else {
                    defer { rest = rest[next...] }
                    return rest[..<next]
                }
                index = rest.index(after: next)
            } else {
                index = rest.index(after: index)
            }
        }
        defer { rest = rest[rest.endIndex...] }
        return rest
    }

    /// A dollar-quoted body (`$$ … $$`, `$tag$ … $tag$`) whole, or a lone `$` (such as one of an
    /// already numbered `$1`) as itself.
    private static func take(dollarQuotedFrom rest: inout Substring) -> Substring {
        let afterDollar = rest.dropFirst()
        let tagEnd = afterDollar.firstIndex { !($0.isLetter || $0.isNumber || $0 == "_") } ?? afterDollar.endIndex
        let tag = afterDollar[..<tagEnd]
        guard tagEnd < afterDollar.endIndex, afterDollar[tagEnd] == "$", tag.first?.isNumber != true else {
            defer { rest = afterDollar }
            return rest[..<afterDollar.startIndex]
        }
        let delimiter = "$" + tag + "$"
        let body = rest[afterDollar.index(after: tagEnd)...]
        let end = body.firstRange(of: delimiter)?.upperBound ?? rest.endIndex
        defer { rest = rest[end...] }
        return rest[..<end]
    }
}

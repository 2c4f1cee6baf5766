/// Reads the plain YAML that front matter almost always is, on bytes and without Yams: a
/// mapping of `key: value` lines, mappings and `- ` lists nested by indentation, plain, single-
/// and double-quoted scalars on one line, and `[a, b]` and `{key: value}` on one line.
///
/// Anything else — anchors, aliases, tags, block scalars, scalars or collections over several
/// lines, escapes, comments after a value, empty values, tabs, carriage returns, duplicate keys,
/// control characters — makes it give up (nil), and the caller hands the text to Yams, whose
/// messages merchants see. So it reports no error of its own and accepts nothing Yams refuses;
/// what it accepts comes out as the nodes Yams composes (`PlainYAMLReaderTests` holds it to that).
///
/// ```swift
/// PlainYAMLReader.read("title: Tee\nsizes: [S, M]\n")  // a mapping of a text and a list
/// PlainYAMLReader.read("title: &t Tee\n")               // nil: anchors are Yams's
/// ```
struct PlainYAMLReader {
    /// A line holding more than spaces or a comment.
    private struct Line {
        /// The line number inside the YAML, from 1.
        var number: Int
        /// The column its text starts at; inside a `- ` item, the column past the dash.
        var indent: Int
        /// The offset of that text, and of the line's end.
        var text: Int
        var end: Int
    }

    private let bytes: [UInt8]
    private var lines: [Line] = []
    /// The line being read.
    private var current = 0

    /// The document as Yams would compose it, or nil when it is not plain enough to tell.
    static func read(_ yaml: String) -> YAMLNode? {
        guard var reader = PlainYAMLReader(yaml), let first = reader.lines.first, first.indent == 0,
            let root = reader.blockMapping(indent: 0), reader.current == reader.lines.count
        else { return nil }
        return root
    }

    private init?(_ yaml: String) {
        bytes = Array(yaml.utf8)
        guard Self.isPlain(bytes) else { return nil }
        var number = 1
        var start = 0
        while start < bytes.count {
            let end = bytes[start...].firstIndex(of: Self.newline) ?? bytes.count
            var text = start
            while text < end, bytes[text] == Self.space { text += 1 }
            if text < end, bytes[text] != UInt8(ascii: "#") {
                lines.append(Line(number: number, indent: text - start, text: text, end: end))
            }
            number += 1
            start = end + 1
        }
    }

    private static let newline = UInt8(ascii: "\n")
    private static let space = UInt8(ascii: " ")

    /// Whether every character is one libyaml reads as an ordinary printable one: no tab, CR,
    /// other control character, byte order mark, non-characters, Unicode line breaks (which
    /// YAML counts as new lines) or characters beyond the Basic Multilingual Plane.
    private static func isPlain(_ bytes: [UInt8]) -> Bool {
        var index = 0
        // The text is valid UTF-8 (a Swift string), so a lead byte's continuation bytes exist.
        while index < bytes.count {
            switch bytes[index] {
            case 0x0A, 0x20...0x7E, 0x80...0xBF: break
            case 0xC2: if bytes[index + 1] < 0xA0 { return false }
            case 0xE2: if bytes[index + 1] == 0x80, bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9 { return false }
            case 0xEF:
                if bytes[index + 1] == 0xBB && bytes[index + 2] == 0xBF || bytes[index + 1] == 0xBF && bytes[index + 2] >= 0xBE {
                    return false
                }
            case 0xC3...0xEE: break
            default: return false
            }
            index += 1
        }
        return true
    }

    // MARK: Block collections

    /// The `key: value` lines at `indent`, from the current line on.
    private mutating func blockMapping(indent: Int) -> YAMLNode? {
        let line = lines[current].number
        var pairs: [YAMLNode.Pair] = []
        var keys: [String] = []
        while current < lines.count, lines[current].indent >= indent {
            let entry = lines[current]
            // A key written twice is an error Yams reports.
            guard entry.indent == indent, let (key, afterColon) = plainKey(at: entry.text, end: entry.end), !keys.contains(key) else {
                return nil
            }
            keys.append(key)
            let valueStart = skipSpaces(from: afterColon, to: entry.end)
            let value: YAMLNode?
            if valueStart < entry.end {
                value = inlineValue(at: valueStart, of: entry)
                current += 1
            } else {
                current += 1
                guard current < lines.count else { return nil }
                let next = lines[current]
                if next.indent > indent {
                    value = isEntry(next) ? blockSequence(indent: next.indent) : blockMapping(indent: next.indent)
                } else if next.indent == indent, isEntry(next) {
                    // A list may stand at its key's indentation.
                    value = blockSequence(indent: indent)
                } else {
                    return nil
                }
            }
            guard let value else { return nil }
            pairs.append(YAMLNode.Pair(key: .scalar(key, plain: true, line: entry.number), value: value))
        }
        return .mapping(pairs, line: line)
    }

    /// The `- item` lines at `indent`, from the current line on.
    private mutating func blockSequence(indent: Int) -> YAMLNode? {
        let line = lines[current].number
        var items: [YAMLNode] = []
        while current < lines.count, lines[current].indent >= indent {
            let entry = lines[current]
            guard entry.indent == indent else { return nil }
            guard isEntry(entry) else { break }
            let itemStart = skipSpaces(from: entry.text + 1, to: entry.end)
            guard itemStart < entry.end, !isEntry(at: itemStart, end: entry.end) else { return nil }
            if plainKey(at: itemStart, end: entry.end) != nil {
                // `- key: value` starts a mapping whose keys line up with this first one.
                lines[current].indent = indent + itemStart - entry.text
                lines[current].text = itemStart
                guard let mapping = blockMapping(indent: lines[current].indent) else { return nil }
                items.append(mapping)
            } else {
                guard let item = inlineValue(at: itemStart, of: entry) else { return nil }
                items.append(item)
                current += 1
            }
        }
        return .sequence(items, line: line)
    }

    private func isEntry(_ line: Line) -> Bool { isEntry(at: line.text, end: line.end) }

    /// Whether a `-` followed by a space or the line's end (a list entry) stands at `index`.
    private func isEntry(at index: Int, end: Int) -> Bool {
        bytes[index] == UInt8(ascii: "-") && (index + 1 == end || bytes[index + 1] == Self.space)
    }

    /// A key of letters, digits, `_` and `-` followed by `:` and a space or the line's end, and
    /// the offset past the colon.
    private func plainKey(at start: Int, end: Int) -> (String, Int)? {
        guard start < end, Self.isKeyByte(bytes[start]), bytes[start] != UInt8(ascii: "-") else { return nil }
        var index = start
        while index < end, Self.isKeyByte(bytes[index]) { index += 1 }
        // libyaml looks no further than 1,024 characters for a key's colon.
        guard index < end, bytes[index] == UInt8(ascii: ":"), index - start < 1000 else { return nil }
        guard index + 1 == end || bytes[index + 1] == Self.space else { return nil }
        return (String(decoding: bytes[start..<index], as: UTF8.self), index + 1)
    }

    private static func isKeyByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
            UInt8(ascii: "_"), UInt8(ascii: "-"):
            true
        default: false
        }
    }

    // MARK: Values on one line

    /// A scalar or flow collection that fills the rest of the line from `start`.
    private func inlineValue(at start: Int, of line: Line) -> YAMLNode? {
        let end = line.end
        switch bytes[start] {
        case UInt8(ascii: "\""), UInt8(ascii: "'"), UInt8(ascii: "["), UInt8(ascii: "{"):
            guard let (node, after) = flowItem(at: start, end: end, line: line.number), skipSpaces(from: after, to: end) == end else {
                return nil
            }
            return node
        default:
            guard Self.isPlainStart(bytes[start]) else { return nil }
            var index = start
            while index < end {
                switch bytes[index] {
                case UInt8(ascii: "#"): return nil
                // `: ` would start a mapping here, which YAML refuses.
                case UInt8(ascii: ":") where index + 1 == end || bytes[index + 1] == Self.space: return nil
                default: index += 1
                }
            }
            return .scalar(plainText(start, end), plain: true, line: line.number)
        }
    }

    /// A quoted or plain scalar or a nested collection inside `[…]` or `{…}` (or standing alone),
    /// and the offset past it.
    private func flowItem(at start: Int, end: Int, line: Int) -> (YAMLNode, Int)? {
        guard start < end else { return nil }
        switch bytes[start] {
        case UInt8(ascii: "\""), UInt8(ascii: "'"):
            guard let (text, after) = quoted(at: start, end: end) else { return nil }
            return (.scalar(text, plain: false, line: line), after)
        case UInt8(ascii: "["), UInt8(ascii: "{"):
            return flowCollection(at: start, end: end, line: line)
        default:
            guard Self.isPlainStart(bytes[start]) else { return nil }
            var index = start
            scan: while index < end {
                switch bytes[index] {
                case UInt8(ascii: ","), UInt8(ascii: "]"), UInt8(ascii: "}"): break scan
                case UInt8(ascii: ":"), UInt8(ascii: "#"), UInt8(ascii: "["), UInt8(ascii: "{"): return nil
                default: index += 1
                }
            }
            return (.scalar(plainText(start, index), plain: true, line: line), index)
        }
    }

    /// `[a, b]` or `{key: value, …}` closed on the same line, and the offset past it.
    private func flowCollection(at start: Int, end: Int, line: Int) -> (YAMLNode, Int)? {
        let isSequence = bytes[start] == UInt8(ascii: "[")
        let closing = isSequence ? UInt8(ascii: "]") : UInt8(ascii: "}")
        var items: [YAMLNode] = []
        var pairs: [YAMLNode.Pair] = []
        var keys: [String] = []
        var index = skipSpaces(from: start + 1, to: end)
        if index < end, bytes[index] == closing {
            return (isSequence ? .sequence([], line: line) : .mapping([], line: line), index + 1)
        }
        while true {
            if isSequence {
                guard let (item, after) = flowItem(at: index, end: end, line: line) else { return nil }
                items.append(item)
                index = after
            } else {
                guard let (key, afterColon) = plainKey(at: index, end: end), afterColon < end, !keys.contains(key),
                    let (value, after) = flowItem(at: skipSpaces(from: afterColon, to: end), end: end, line: line)
                else { return nil }
                keys.append(key)
                pairs.append(YAMLNode.Pair(key: .scalar(key, plain: true, line: line), value: value))
                index = after
            }
            index = skipSpaces(from: index, to: end)
            guard index < end else { return nil }
            if bytes[index] == closing { break }
            guard bytes[index] == UInt8(ascii: ",") else { return nil }
            index = skipSpaces(from: index + 1, to: end)
            // A comma before the closing bracket is YAML's to judge.
            guard index < end, bytes[index] != closing else { return nil }
        }
        return (isSequence ? .sequence(items, line: line) : .mapping(pairs, line: line), index + 1)
    }

    /// The text of a one-line quoted scalar starting at `start`, and the offset past its closing
    /// quote; nil for a backslash escape, which double quotes give meaning to.
    private func quoted(at start: Int, end: Int) -> (String, Int)? {
        let quote = bytes[start]
        var index = start + 1
        if quote == UInt8(ascii: "\"") {
            while index < end, bytes[index] != quote {
                if bytes[index] == UInt8(ascii: "\\") { return nil }
                index += 1
            }
            guard index < end else { return nil }
            return (String(decoding: bytes[start + 1..<index], as: UTF8.self), index + 1)
        }
        // In single quotes, `''` is one quote.
        var text: [UInt8] = []
        var piece = index
        while index < end {
            if bytes[index] == quote {
                if index + 1 < end, bytes[index + 1] == quote {
                    text += bytes[piece...index]
                    index += 2
                    piece = index
                    continue
                }
                text += bytes[piece..<index]
                return (String(decoding: text, as: UTF8.self), index + 1)
            }
            index += 1
        }
        return nil
    }

    /// A plain scalar's text: the bytes without the spaces after them.
    private func plainText(_ start: Int, _ end: Int) -> String {
        var last = end
        while last > start, bytes[last - 1] == Self.space { last -= 1 }
        return String(decoding: bytes[start..<last], as: UTF8.self)
    }

    /// What a plain scalar may start with: letters, digits, characters beyond ASCII and a few
    /// marks that are no YAML indicator.
    private static func isPlainStart(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
            0x80...0xFF, UInt8(ascii: "/"), UInt8(ascii: "("), UInt8(ascii: "_"), UInt8(ascii: "+"), UInt8(ascii: "$"), UInt8(ascii: "~"):
            true
        default: false
        }
    }

    private func skipSpaces(from start: Int, to end: Int) -> Int {
        var index = start
        while index < end, bytes[index] == Self.space { index += 1 }
        return index
    }
}

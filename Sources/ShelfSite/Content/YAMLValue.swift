import ShelfConfig
import ShelfCore
import Yams

/// A YAML node from a content file that knows its file and line, so every complaint about it
/// can say where to look.
struct YAMLValue {
    let node: YAMLNode
    let file: String
    /// The file line of the YAML document's first line.
    let firstLine: Int

    /// Parses a YAML document; a syntax error names the file line where the parser stopped.
    static func parse(_ yaml: String, file: String, firstLine: Int) throws(SiteError) -> YAMLValue {
        // Most front matter is plain enough to read without Yams, whose events, tags and nodes were
        // a tenth of a --full build's CPU.
        if let node = PlainYAMLReader.read(yaml) { return YAMLValue(node: node, file: file, firstLine: firstLine) }
        return try composing(yaml, file: file, firstLine: firstLine)
    }

    /// ``parse(_:file:firstLine:)`` by Yams alone: the reference for what the plain reader gives.
    static func composing(_ yaml: String, file: String, firstLine: Int) throws(SiteError) -> YAMLValue {
        do {
            return YAMLValue(node: try YAMLNode.composing(yaml), file: file, firstLine: firstLine)
        } catch let error as YamlError {
            throw SiteError(
                file, line: firstLine + error.line - 1,
                "the YAML front matter is broken: \(error.problem); check indentation, colons and quotes")
        } catch {
            throw SiteError(file, line: firstLine, "the YAML front matter is broken: \(error)")
        }
    }

    /// The file line of this node.
    var line: Int { firstLine + node.line - 1 }

    func error(_ message: String) -> SiteError { SiteError(file, line: line, message) }

    /// The scalar's text exactly as written (so `49.90` stays `49.90`, never a float).
    func string(_ what: String) throws(SiteError) -> String {
        guard case .scalar(let text, _, _) = node else {
            throw error("\(what) must be a single value, not a list or a mapping")
        }
        return text
    }

    /// A non-empty single-line text.
    func text(_ what: String) throws(SiteError) -> String {
        let value = try string(what).trimmingSpaces
        guard !value.isEmpty else { throw error("\(what) is empty; give it a value") }
        return value
    }

    func bool(_ what: String) throws(SiteError) -> Bool {
        switch try string(what).lowercased() {
        case "true", "yes", "on": return true
        case "false", "no", "off": return false
        case let other: throw error("\(what) must be true or false, not \"\(other)\"")
        }
    }

    /// A `YYYY-MM-DD` date, kept as text so output never depends on the time zone.
    func date(_ what: String) throws(SiteError) -> String {
        let value = try string(what)
        let parts = value.split(separator: "-")
        guard value.count == 10, parts.count == 3, parts.allSatisfy({ $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
            let year = Int(parts[0]), let month = Int(parts[1]), (1...12).contains(month), let day = Int(parts[2]), day >= 1
        else {
            throw error("\(what) \"\(value)\" is not a date; write it as YYYY-MM-DD")
        }
        let days = CalendarDay.days(inMonth: month, of: year)
        guard day <= days else {
            throw error("\(what) \"\(value)\" does not exist: month \(parts[1]) of \(parts[0]) has \(days) days")
        }
        return value
    }

    func sequence(_ what: String) throws(SiteError) -> [YAMLValue] {
        guard case .sequence(let items, _) = node else {
            throw error("\(what) must be a list")
        }
        return items.map { YAMLValue(node: $0, file: file, firstLine: firstLine) }
    }

    /// A list of texts; a single text is taken as a list of one.
    func strings(_ what: String) throws(SiteError) -> [String] {
        if case .scalar = node { return [try text(what)] }
        var result: [String] = []
        for item in try sequence(what) { result.append(try item.text("each of \(what)")) }
        return result
    }

    /// The entries of a mapping with only the keys a caller expects.
    func fields(_ what: String, allowed: Set<String>) throws(SiteError) -> YAMLFields {
        guard case .mapping(let mapping, _) = node else {
            throw error("\(what) must be a mapping of `key: value` lines")
        }
        var entries: [String: YAMLValue] = [:]
        var order: [String] = []
        for pair in mapping {
            let keyValue = YAMLValue(node: pair.key, file: file, firstLine: firstLine)
            let name = try keyValue.string("a key")
            guard allowed.contains(name) else {
                let known = allowed.sorted().joined(separator: ", ")
                throw keyValue.error("unknown key \"\(name)\" in \(what); the known keys are \(known)")
            }
            entries[name] = YAMLValue(node: pair.value, file: file, firstLine: firstLine)
            order.append(name)
        }
        return YAMLFields(owner: self, what: what, entries: entries, order: order)
    }
}

/// The entries of one YAML mapping, looked up by key.
struct YAMLFields {
    let owner: YAMLValue
    let what: String
    let entries: [String: YAMLValue]
    /// Keys in the order written.
    let order: [String]

    subscript(key: String) -> YAMLValue? {
        guard let value = entries[key] else { return nil }
        if case .scalar(let text, plain: true, _) = value.node, ["", "~", "null", "Null", "NULL"].contains(text) {
            return nil
        }
        return value
    }

    func required(_ key: String) throws(SiteError) -> YAMLValue {
        guard let value = self[key] else {
            throw owner.error("\(what) has no \(key); add a line `\(key): …`")
        }
        return value
    }

    func text(_ key: String) throws(SiteError) -> String? {
        try self[key]?.text(key)
    }
}

extension YamlError {
    /// The 1-based line inside the YAML document where the parser gave up.
    var line: Int {
        switch self {
        case .scanner(_, _, let mark, _), .parser(_, _, let mark, _), .composer(_, _, let mark, _): mark.line
        case .duplicatedKeysInMapping(_, let context): context.mark.line
        default: 1
        }
    }

    var problem: String {
        switch self {
        case .scanner(let context, let problem, _, _), .parser(let context, let problem, _, _),
            .composer(let context, let problem, _, _):
            [context?.text, problem].compactMap { $0 }.joined(separator: " ")
        case .duplicatedKeysInMapping(let duplicates, _): "the key \(duplicates.joined(separator: ", ")) appears twice"
        default: "\(self)"
        }
    }
}

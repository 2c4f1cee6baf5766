extension CompiledTemplate {
    /// Compiles a template swift-mustache has already parsed without error, following its parser
    /// step by step (which whitespace a standalone tag takes with it, which it leaves); nil when
    /// the template uses a construct this renderer leaves to swift-mustache.
    init?(parsing text: String) {
        var reader = Reader(Array(text))
        guard let nodes = try? reader.block(closing: nil, startsLine: true) else { return nil }
        self.nodes = nodes
    }

    /// A construct left to swift-mustache, or text swift-mustache would have refused.
    private struct Unsupported: Error {}

    /// Reads a template Character by Character, as swift-mustache's parser does: a "\r\n" is one
    /// Character there, and so one line break.
    private struct Reader {
        let characters: [Character]
        var position = 0

        init(_ characters: [Character]) { self.characters = characters }

        var atEnd: Bool { position == characters.count }
        var current: Character { atEnd ? "\0" : characters[position] }

        /// The nodes up to `{{/closing}}` (or the end of the text when `closing` is nil).
        mutating func block(closing: String?, startsLine: Bool) throws(Unsupported) -> [Node] {
            var nodes: [Node] = []
            var newLine = startsLine
            var whiteSpaceBefore: [Character] = []
            func flushWhiteSpace() {
                if !whiteSpaceBefore.isEmpty { nodes.append(.text(Self.bytes(whiteSpaceBefore))) }
                whiteSpaceBefore = []
            }
            while !atEnd {
                if newLine { whiteSpaceBefore = read { $0 == " " || $0 == "\t" } }
                let text = textUntilTagOrLineBreak()
                if current.isNewline {
                    nodes.append(.text(Self.bytes(whiteSpaceBefore + text + [current])))
                    newLine = true
                    position += 1
                    continue
                }
                if !text.isEmpty {
                    nodes.append(.text(Self.bytes(whiteSpaceBefore + text)))
                    whiteSpaceBefore = []
                    newLine = false
                }
                if atEnd { break }
                var standalone = false
                switch current {
                case "#", "^":
                    let inverted = current == "^"
                    position += 1
                    let name = try self.name()
                    standalone = newLine && lineFinished()
                    if !standalone { flushWhiteSpace() }
                    let inner = try block(closing: name, startsLine: standalone)
                    nodes.append(.section(Name(name), inner, inverted: inverted))
                case "/":
                    position += 1
                    guard try self.name() == closing else { throw Unsupported() }
                    if !(newLine && lineFinished()) { flushWhiteSpace() }
                    return nodes
                case "!":
                    position += 1
                    try skipPast(["}", "}"])
                    standalone = newLine && lineFinished()
                case "{", "&":
                    let triple = current == "{"
                    flushWhiteSpace()
                    position += 1
                    let name = try self.name()
                    if triple {
                        guard current == "}" else { throw Unsupported() }
                        position += 1
                    }
                    nodes.append(.variable(Name(name), escaped: false))
                case ">":
                    position += 1
                    _ = read(while: \.isWhitespace)
                    guard current != "*" else { throw Unsupported() }
                    let name = String(read { Self.partialNameCharacters.contains($0) })
                    _ = read(while: \.isWhitespace)
                    try expectTagEnd()
                    let indentation = whiteSpaceBefore
                    flushWhiteSpace()
                    standalone = newLine && lineFinished()
                    nodes.append(.partial(name, indentation: standalone ? Self.bytes(indentation) : nil))
                case "%":
                    position += 1
                    nodes.append(.escaping(try contentTypeEscapes()))
                    standalone = newLine && lineFinished()
                case "<", "$", "=":
                    throw Unsupported()
                default:
                    flushWhiteSpace()
                    nodes.append(.variable(Name(try self.name()), escaped: true))
                }
                newLine = standalone
            }
            guard closing == nil else { throw Unsupported() }
            return nodes
        }

        /// Text up to a line break (not read) or a `{{` (read).
        private mutating func textUntilTagOrLineBreak() -> [Character] {
            var text: [Character] = []
            while !atEnd {
                let character = characters[position]
                if character == "\n" || character == "\r\n" { break }
                if character == "{" {
                    if position + 1 < characters.count, characters[position + 1] == "{" {
                        position += 2
                        break
                    }
                }
                text.append(character)
                position += 1
            }
            return text
        }

        /// A tag's name up to its `}}`, which is read too; names with transforms are left to swift-mustache.
        private mutating func name() throws(Unsupported) -> String {
            _ = read(while: \.isWhitespace)
            let name = String(read { Self.nameCharacters.contains($0) })
            _ = read(while: \.isWhitespace)
            try expectTagEnd()
            guard !name.contains("("), !name.contains(")") else { throw Unsupported() }
            return name
        }

        /// `CONTENT_TYPE: VALUE}}`: whether that content type escapes for HTML.
        private mutating func contentTypeEscapes() throws(Unsupported) -> Bool {
            _ = read(while: \.isWhitespace)
            let variable = String(read { Self.nameCharacters.contains($0) && $0 != "(" && $0 != ")" })
            _ = read(while: \.isWhitespace)
            guard current == ":" else { throw Unsupported() }
            position += 1
            _ = read(while: \.isWhitespace)
            let value = String(read { Self.nameCharacters.contains($0) && $0 != "(" && $0 != ")" })
            _ = read(while: \.isWhitespace)
            try expectTagEnd()
            guard variable == "CONTENT_TYPE" else { throw Unsupported() }
            switch value {
            case "TEXT": return false
            case "HTML", HTMLEscaping.name: return true
            default: throw Unsupported()
            }
        }

        private mutating func expectTagEnd() throws(Unsupported) {
            guard position + 1 < characters.count, characters[position] == "}", characters[position + 1] == "}" else {
                throw Unsupported()
            }
            position += 2
        }

        private mutating func skipPast(_ end: [Character]) throws(Unsupported) {
            while position + end.count <= characters.count {
                if Array(characters[position..<position + end.count]) == end {
                    position += end.count
                    return
                }
                position += 1
            }
            throw Unsupported()
        }

        /// After a tag: true when only spaces and tabs follow it on its line, which are then read
        /// with the line break; the end of the text finishes a line too.
        private mutating func lineFinished() -> Bool {
            if atEnd { return true }
            var ahead = position
            while ahead < characters.count, characters[ahead] == " " || characters[ahead] == "\t" { ahead += 1 }
            guard ahead < characters.count, characters[ahead].isNewline else { return false }
            position = ahead + 1
            return true
        }

        private mutating func read(while accepts: (Character) -> Bool) -> [Character] {
            let start = position
            while !atEnd, accepts(characters[position]) { position += 1 }
            return Array(characters[start..<position])
        }

        private static func bytes(_ characters: [Character]) -> [UInt8] { Array(String(characters).utf8) }

        private static let nameCharacters = Set<Character>("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.-_?()*")
        private static let partialNameCharacters = nameCharacters.union(["/"])
    }
}

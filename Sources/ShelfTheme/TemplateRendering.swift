import Mustache

/// One render of compiled templates into a byte buffer: the values in scope, innermost last, and
/// the bytes so far.
///
/// Values are looked up and tested in swift-mustache's order (a dictionary's key, then the
/// values around it; sequences, then flags, then anything else as a value to enter), so a page
/// comes out as swift-mustache renders it. The common types (`[String: Any]`, `String`, `Bool`,
/// `Int`, arrays of values) are tried first by concrete casts, which cost a comparison of types,
/// where swift-mustache asks the runtime for protocol conformances at every tag.
struct TemplateRendering {
    let templates: [String: CompiledTemplate]
    var output: [UInt8] = []
    private var stack: [Any]

    init(templates: [String: CompiledTemplate], values: Any, capacity: Int) {
        self.templates = templates
        self.stack = [values]
        output.reserveCapacity(capacity)
    }

    /// Renders `nodes`; `indentation` is written after each line break of what they write, as
    /// swift-mustache indents a partial whose tag stood alone on an indented line.
    mutating func render(_ nodes: [CompiledTemplate.Node], escaping: Bool, indentation: [UInt8]) {
        var escaping = escaping
        let start = output.count
        for node in nodes {
            let before = output.count
            switch node {
            case .text(let bytes):
                output.append(contentsOf: bytes)
            case .variable(let name, let escaped):
                if let value = lookUp(name) { write(value, escaped: escaped && escaping) }
            case .section(let name, let inner, let inverted):
                section(lookUp(name), inner, inverted: inverted, escaping: escaping, indentation: indentation)
            case .partial(let name, let extra):
                if let partial = templates[name] { render(partial.nodes, escaping: true, indentation: indentation + (extra ?? [])) }
            case .escaping(let escapes):
                escaping = escapes
            }
            // swift-mustache indents a token's text when what the block wrote so far ends a line
            // ("\r\n" is one Character there, and not "\n").
            if !indentation.isEmpty, output.count > before, before > start, output[before - 1] == UInt8(ascii: "\n"),
                before - 2 < start || output[before - 2] != UInt8(ascii: "\r")
            {
                output.insert(contentsOf: indentation, at: before)
            }
        }
    }

    private mutating func section(_ value: Any?, _ inner: [CompiledTemplate.Node], inverted: Bool, escaping: Bool, indentation: [UInt8]) {
        let shown: Bool
        var entered: Any? = value
        switch value {
        case let dictionary as [String: Any]:
            shown = true
            entered = dictionary
        case is String:
            shown = true
        case let list as [[String: Any]]:
            guard !inverted else { return list.isEmpty ? enter(list, inner, escaping, indentation) : () }
            for element in list { enter(element, inner, escaping, indentation) }
            return
        case let list as [Any]:
            guard !inverted else { return list.isEmpty ? enter(list, inner, escaping, indentation) : () }
            for element in list { enter(element, inner, escaping, indentation) }
            return
        case let sequence as any MustacheSequence:
            let elements = Self.elements(of: sequence)
            guard !inverted else { return elements.isEmpty ? enter(sequence, inner, escaping, indentation) : () }
            for element in elements { enter(element, inner, escaping, indentation) }
            return
        case let flag as Bool:
            if flag != inverted { render(inner, escaping: escaping, indentation: indentation) }
            return
        case let renderable as any MustacheCustomRenderable where renderable.isNull:
            shown = false
        case .some:
            shown = true
        case .none:
            shown = false
        }
        if inverted {
            if !shown { render(inner, escaping: escaping, indentation: indentation) }
        } else if shown, let entered {
            enter(entered, inner, escaping, indentation)
        }
    }

    private mutating func enter(_ value: Any, _ inner: [CompiledTemplate.Node], _ escaping: Bool, _ indentation: [UInt8]) {
        stack.append(value)
        render(inner, escaping: escaping, indentation: indentation)
        stack.removeLast()
    }

    private static func elements<S: MustacheSequence>(of sequence: S) -> [Any] { sequence.map { $0 as Any } }

    /// The value a name gives: its first part looked up from the innermost value outwards, the
    /// other parts inside what that found.
    private func lookUp(_ name: CompiledTemplate.Name) -> Any? {
        var found: Any?
        if name.isCurrent || (name.parts.isEmpty && !name.isAnchored) {
            found = stack.last
        } else if name.isAnchored {
            found = Self.descend(name.parts[...], from: stack.last!)
        } else {
            for value in stack.reversed() {
                if let child = Self.child(name.parts[0], of: value) {
                    found = Self.descend(name.parts.dropFirst(), from: child)
                    break
                }
            }
        }
        guard let found else { return nil }
        if Self.isPlain(found) { return found }
        if let custom = found as? any MustacheCustomRepresentation { return custom.representation }
        return found
    }

    private static func descend(_ parts: ArraySlice<String>, from value: Any) -> Any? {
        var value = value
        for part in parts {
            guard let child = child(part, of: value) else { return nil }
            value = child
        }
        return value
    }

    /// A value's member `name`: a dictionary's key, a ``MustacheParent``'s child, else a stored
    /// property of that name (swift-mustache reads those with `Mirror`).
    private static func child(_ name: String, of value: Any) -> Any? {
        if let dictionary = value as? [String: Any] { return dictionary[name] }
        if value is String || value is Bool || value is Int { return nil }
        let represented: Any? = (value as? any MustacheCustomRepresentation).map(\.representation) ?? value
        if let parent = represented as? any MustacheParent { return parent.child(named: name) }
        guard let represented, let member = Mirror(reflecting: represented).children.first(where: { $0.label == name }) else {
            return nil
        }
        let wrapper = Mirror(reflecting: member.value)
        guard wrapper.displayStyle == .optional else { return member.value }
        return wrapper.children.first?.value
    }

    private static func isPlain(_ value: Any) -> Bool {
        value is String || value is [String: Any] || value is Bool || value is Int || value is [[String: Any]]
    }

    /// Writes a value as text, escaped for HTML when asked.
    private mutating func write(_ value: Any, escaped: Bool) {
        switch value {
        case let text as String: write(text, escaped: escaped)
        case let number as Int: write(String(number), escaped: escaped)
        case let renderable as any MustacheCustomRenderable: write(renderable.renderText, escaped: escaped)
        default:
            let wrapper = Mirror(reflecting: value)
            let shown = wrapper.displayStyle == .optional ? wrapper.children.first?.value ?? value : value
            write(String(describing: shown), escaped: escaped)
        }
    }

    private mutating func write(_ text: String, escaped: Bool) {
        var text = text
        text.withUTF8 { utf8 in
            guard escaped else { return output.append(contentsOf: utf8) }
            var plain = 0
            for (index, byte) in utf8.enumerated() {
                let reference: StaticString
                switch byte {
                case UInt8(ascii: "&"): reference = "&amp;"
                case UInt8(ascii: "<"): reference = "&lt;"
                case UInt8(ascii: ">"): reference = "&gt;"
                case UInt8(ascii: "\""): reference = "&quot;"
                case UInt8(ascii: "'"): reference = "&#39;"
                default: continue
                }
                output.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[plain..<index]))
                reference.withUTF8Buffer { output.append(contentsOf: $0) }
                plain = index + 1
            }
            output.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[plain...]))
        }
    }
}

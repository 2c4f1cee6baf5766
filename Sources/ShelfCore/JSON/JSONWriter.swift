/// JSON written straight into UTF-8 bytes, value by value, as ``JSON`` writes its values: the
/// same escaping, keys in the order written, no white space.
///
/// For answers built on every request (a `cart.json` holds some hundred values): building them as
/// ``JSON`` values first allocates and frees every array, object and string a second time.
///
/// ```swift
/// var json = JSONWriter()
/// json.beginObject()
/// json.key("count"); json.number(2)
/// json.key("lines"); json.beginArray(); json.string("TEE-M"); json.endArray()
/// json.endObject()
/// // json.bytes: {"count":2,"lines":["TEE-M"]}
/// ```
///
/// Commas are placed by the writer; the caller keeps keys and values paired and containers
/// closed, as with any streaming writer.
public struct JSONWriter: Sendable {
    public private(set) var bytes: [UInt8]
    /// True right after an opening bracket or a key: the next value takes no comma before it.
    private var atStart = true

    public init(capacity: Int = 1024) {
        bytes = []
        bytes.reserveCapacity(capacity)
    }

    public mutating func beginObject() {
        separate()
        bytes.append(UInt8(ascii: "{"))
        atStart = true
    }

    public mutating func endObject() {
        bytes.append(UInt8(ascii: "}"))
        atStart = false
    }

    public mutating func beginArray() {
        separate()
        bytes.append(UInt8(ascii: "["))
        atStart = true
    }

    public mutating func endArray() {
        bytes.append(UInt8(ascii: "]"))
        atStart = false
    }

    /// An object member's key; its value is written next.
    public mutating func key(_ name: String) {
        separate()
        JSONWriter.quote(name, into: &bytes)
        bytes.append(UInt8(ascii: ":"))
        atStart = true
    }

    public mutating func string(_ text: String) {
        separate()
        JSONWriter.quote(text, into: &bytes)
    }

    /// `text`, or null.
    public mutating func string(_ text: String?) {
        if let text { string(text) } else { null() }
    }

    public mutating func number(_ value: Int) {
        separate()
        bytes += String(value).utf8
    }

    public mutating func number(_ value: Int64) {
        separate()
        bytes += String(value).utf8
    }

    /// A number already written as JSON digits (``JSON/number(_:)``).
    public mutating func number(text: String) {
        separate()
        bytes += text.utf8
    }

    public mutating func bool(_ flag: Bool) {
        separate()
        bytes += (flag ? "true" : "false").utf8
    }

    public mutating func null() {
        separate()
        bytes += "null".utf8
    }

    /// A whole ``JSON`` value.
    public mutating func value(_ value: JSON) {
        switch value {
        case .string(let text): string(text)
        case .number(let text): number(text: text)
        case .bool(let flag): bool(flag)
        case .null: null()
        case .array(let items):
            beginArray()
            for item in items { self.value(item) }
            endArray()
        case .object(let members):
            beginObject()
            for (name, member) in members {
                key(name)
                self.value(member)
            }
            endObject()
        }
    }

    private mutating func separate() {
        if !atStart { bytes.append(UInt8(ascii: ",")) }
        atStart = false
    }

    /// `string` quoted, safe inside a `<script>` element: `<`, `>` and `&` are escaped, and so
    /// are U+2028 and U+2029, which end a line in JavaScript.
    static func quote(_ string: String, into out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        // The string's own UTF-8, not a copy: a cart.json answer quotes some fifty strings.
        var string = string
        string.withUTF8 { bytes in quote(bytes, into: &out) }
        out.append(UInt8(ascii: "\""))
    }

    /// Runs of bytes that need no escape are appended whole: nearly every byte of a product's
    /// title or a SKU is one, and appending byte by byte checked the buffer's uniqueness each time.
    private static func quote(_ bytes: UnsafeBufferPointer<UInt8>, into out: inout [UInt8]) {
        var run = 0
        var index = 0
        func flush(upTo end: Int) {
            if end > run { out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[run..<end])) }
        }
        while index < bytes.count {
            let byte = bytes[index]
            let escape: String
            var width = 1
            switch byte {
            case UInt8(ascii: "\""): escape = #"\""#
            case UInt8(ascii: "\\"): escape = #"\\"#
            case UInt8(ascii: "\n"): escape = #"\n"#
            case UInt8(ascii: "\r"): escape = #"\r"#
            case UInt8(ascii: "\t"): escape = #"\t"#
            case UInt8(ascii: "<"): escape = #"\u003c"#
            case UInt8(ascii: ">"): escape = #"\u003e"#
            case UInt8(ascii: "&"): escape = #"\u0026"#
            case 0..<0x20:
                let hex = String(byte, radix: 16)
                escape = #"\u"# + String(repeating: "0", count: 4 - hex.count) + hex
            // U+2028 and U+2029: E2 80 A8 and E2 80 A9 in UTF-8.
            case 0xE2
            where index + 2 < bytes.count && bytes[index + 1] == 0x80 && (bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9):
                escape = bytes[index + 2] == 0xA8 ? #"\u2028"# : #"\u2029"#
                width = 3
            default:
                index += 1
                continue
            }
            flush(upTo: index)
            out += escape.utf8
            index += width
            run = index
        }
        flush(upTo: index)
    }
}

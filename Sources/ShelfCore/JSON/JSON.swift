/// A JSON value written with keys in the order given, so output is byte-for-byte reproducible.
///
/// Not `indirect`: arrays and objects hold their values in arrays, already on the heap, and an
/// indirect case would box every string and number besides (a `cart.json` answer holds some
/// hundred values).
public enum JSON: Sendable {
    case string(String)
    case number(String)
    case bool(Bool)
    case array([JSON])
    case object([(String, JSON)])
    case null

    /// The JSON text, safe to place inside a `<script>` element: `<`, `>` and `&` are escaped.
    public var text: String {
        String(decoding: bytes, as: UTF8.self)
    }

    /// ``text`` as UTF-8 bytes, as a response body takes it.
    public var bytes: [UInt8] {
        var out: [UInt8] = []
        write(to: &out)
        return out
    }

    /// Written as UTF-8 bytes: a product page's JSON is a few kilobytes, built 10,000 times in a
    /// large store, and appending bytes costs a fraction of appending to a String.
    private func write(to out: inout [UInt8]) {
        switch self {
        case .string(let string): JSON.quote(string, into: &out)
        case .number(let number): out += number.utf8
        case .bool(let flag): out += (flag ? "true" : "false").utf8
        case .null: out += "null".utf8
        case .array(let items):
            out.append(UInt8(ascii: "["))
            for (index, item) in items.enumerated() {
                if index > 0 { out.append(UInt8(ascii: ",")) }
                item.write(to: &out)
            }
            out.append(UInt8(ascii: "]"))
        case .object(let members):
            out.append(UInt8(ascii: "{"))
            for (index, (key, value)) in members.enumerated() {
                if index > 0 { out.append(UInt8(ascii: ",")) }
                JSON.quote(key, into: &out)
                out.append(UInt8(ascii: ":"))
                value.write(to: &out)
            }
            out.append(UInt8(ascii: "}"))
        }
    }

    private static func quote(_ string: String, into out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        // The string's own UTF-8, not a copy: a cart.json answer quotes some fifty strings.
        var string = string
        string.withUTF8 { bytes in quote(bytes, into: &out) }
        out.append(UInt8(ascii: "\""))
    }

    private static func quote(_ bytes: UnsafeBufferPointer<UInt8>, into out: inout [UInt8]) {
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            index += 1
            switch byte {
            case UInt8(ascii: "\""): out += #"\""#.utf8
            case UInt8(ascii: "\\"): out += #"\\"#.utf8
            case UInt8(ascii: "\n"): out += #"\n"#.utf8
            case UInt8(ascii: "\r"): out += #"\r"#.utf8
            case UInt8(ascii: "\t"): out += #"\t"#.utf8
            case UInt8(ascii: "<"): out += #"\u003c"#.utf8
            case UInt8(ascii: ">"): out += #"\u003e"#.utf8
            case UInt8(ascii: "&"): out += #"\u0026"#.utf8
            case 0..<0x20:
                let hex = String(byte, radix: 16)
                out += (#"\u"# + String(repeating: "0", count: 4 - hex.count) + hex).utf8
            // U+2028 and U+2029 end a line in JavaScript: E2 80 A8 and E2 80 A9 in UTF-8.
            case 0xE2 where index + 1 < bytes.count && bytes[index] == 0x80 && (bytes[index + 1] == 0xA8 || bytes[index + 1] == 0xA9):
                out += (bytes[index + 1] == 0xA8 ? #"\u2028"# : #"\u2029"#).utf8
                index += 2
            default:
                out.append(byte)
            }
        }
    }
}

import ShelfCore

/// The cookies of a request's `Cookie` header.
public struct Cookies: Sendable {
    private var pairs: [(name: String, value: String)] = []

    /// Parses `name=value; other=value`; malformed pairs are skipped, as browsers send what
    /// other sites' scripts may have set.
    public init(header: String?) {
        Self.forEachPair(in: header) { name, value in pairs.append((String(Substring(name)), String(Substring(value)))) }
    }

    /// The value of the cookie `name`; a cookie sent twice counts as absent, since the two
    /// cannot be told apart (one may have been planted by a sibling domain).
    public subscript(name: String) -> String? {
        let values = pairs.filter { $0.name == name }
        return values.count == 1 ? values[0].value : nil
    }

    /// `Cookies(header: header)[name]` without keeping the other cookies: the session cookie is
    /// read on every cart request, and making strings of a browser's every cookie costs more
    /// than finding the one asked for.
    public static func value(of name: String, in header: String?) -> String? {
        var found: Substring.UTF8View?
        var count = 0
        forEachPair(in: header) { pairName, value in
            guard pairName.elementsEqual(name.utf8) else { return }
            found = value
            count += 1
        }
        guard count == 1, let found else { return nil }
        return String(Substring(found))
    }

    /// Each well-formed `name=value` pair of `header`, the value's quotes removed.
    private static func forEachPair(in header: String?, _ body: (Substring.UTF8View, Substring.UTF8View) -> Void) {
        guard let header else { return }
        // Cut on bytes: `;`, `=`, white space and quotes are ASCII, so every cut falls between
        // characters, and cutting on Characters cost every cart request more than its SQL did.
        for part in header.utf8.split(separator: UInt8(ascii: ";")) {
            let pair = trimmed(part)
            guard let equals = pair.firstIndex(of: UInt8(ascii: "=")) else { continue }
            var value = pair[pair.index(after: equals)...]
            if value.count >= 2, value.first == UInt8(ascii: "\""), value.last == UInt8(ascii: "\"") {
                value = value.dropFirst().dropLast()
            }
            body(pair[..<equals], value)
        }
    }

    /// `bytes` without the ASCII white space around them.
    private static func trimmed(_ bytes: Substring.UTF8View) -> Substring.UTF8View {
        let isSpace = { (byte: UInt8) in byte == 0x20 || (0x09...0x0D).contains(byte) }
        guard let first = bytes.firstIndex(where: { !isSpace($0) }), let last = bytes.lastIndex(where: { !isSpace($0) }) else {
            return bytes[bytes.endIndex...]
        }
        return bytes[first...last]
    }
}

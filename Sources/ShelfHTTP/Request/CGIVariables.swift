/// A request's CGI variables (RFC 3875): the process environment under CGI, the `PARAMS` stream
/// under FastCGI, read the same way by the handlers.
///
/// From FastCGI they stay the bytes the web server sent, with a flat table of where each name
/// and value lies: a name is looked up on those bytes and a `String` is made only of the values
/// asked for. A request asks for about ten of the thirty-odd variables a server sends, and
/// decoding every pair into a dictionary of strings cost each request more than its lookups.
/// A name sent twice reads as its last value, as a dictionary filled in order would.
///
/// ```swift
/// let variables: CGIVariables = ["REQUEST_METHOD": "GET", "PATH_INFO": "/"]
/// variables["REQUEST_METHOD"]  // "GET"
/// ```
public struct CGIVariables: Sendable, ExpressibleByDictionaryLiteral {
    /// Where one pair lies in ``bytes``: the name from `nameStart` to `valueStart`, the value from
    /// there to `valueEnd`.
    struct Pair {
        var nameStart: Int32
        var valueStart: Int32
        var valueEnd: Int32
    }

    /// The variables given as strings (CGI's environment, tests), when there are no bytes.
    private let strings: [String: String]
    /// The `PARAMS` stream's name-value pairs, their lengths still between them.
    private let bytes: [UInt8]
    private let pairs: [Pair]

    /// Variables given as strings.
    public init(_ variables: [String: String]) {
        strings = variables
        bytes = []
        pairs = []
    }

    public init(dictionaryLiteral elements: (String, String)...) {
        self.init(Dictionary(elements) { _, last in last })
    }

    /// The variables in `bytes`, with `pairs` saying where each lies (``FastCGIParams``).
    init(bytes: [UInt8], pairs: [Pair]) {
        strings = [:]
        self.bytes = bytes
        self.pairs = pairs
    }

    /// True when there are no variables at all.
    public var isEmpty: Bool { strings.isEmpty && pairs.isEmpty }

    /// The value of the variable `name`, or nil when it is not set.
    public subscript(name: String) -> String? {
        guard !pairs.isEmpty else { return strings[name] }
        var name = name
        return name.withUTF8 { wanted in
            bytes.withUnsafeBufferPointer { buffer in
                // Lengths first, in the table: few names share one, so the bytes of few are compared.
                for pair in pairs.reversed() where Int(pair.valueStart - pair.nameStart) == wanted.count {
                    guard UnsafeBufferPointer(rebasing: buffer[Int(pair.nameStart)..<Int(pair.valueStart)]).elementsEqual(wanted) else {
                        continue
                    }
                    return String(decoding: buffer[Int(pair.valueStart)..<Int(pair.valueEnd)], as: UTF8.self)
                }
                return nil
            }
        }
    }

    /// Every variable as a dictionary: for reading the store's settings once per process.
    public var dictionary: [String: String] {
        guard !pairs.isEmpty else { return strings }
        var result: [String: String] = [:]
        forEach { name, value in result[String(decoding: name, as: UTF8.self)] = value() }
        return result
    }

    /// The last value whose name `matches`, made a `String`; nil when none does.
    func value(whereName matches: (UnsafeBufferPointer<UInt8>) -> Bool) -> String? {
        guard !pairs.isEmpty else {
            for (name, value) in strings {
                var name = name
                if name.withUTF8(matches) { return value }
            }
            return nil
        }
        return bytes.withUnsafeBufferPointer { buffer in
            for pair in pairs.reversed() {
                let name = UnsafeBufferPointer(rebasing: buffer[Int(pair.nameStart)..<Int(pair.valueStart)])
                guard matches(name) else { continue }
                return String(decoding: buffer[Int(pair.valueStart)..<Int(pair.valueEnd)], as: UTF8.self)
            }
            return nil
        }
    }

    /// Each variable in turn, its name as bytes and its value made a `String` only when
    /// `body` calls for it; a name sent twice comes twice, the last value last.
    func forEach(_ body: (_ name: UnsafeBufferPointer<UInt8>, _ value: () -> String) -> Void) {
        guard !pairs.isEmpty else {
            for (name, value) in strings {
                var name = name
                name.withUTF8 { body($0, { value }) }
            }
            return
        }
        bytes.withUnsafeBufferPointer { buffer in
            for pair in pairs {
                let value = { String(decoding: buffer[Int(pair.valueStart)..<Int(pair.valueEnd)], as: UTF8.self) }
                body(UnsafeBufferPointer(rebasing: buffer[Int(pair.nameStart)..<Int(pair.valueStart)]), value)
            }
        }
    }
}

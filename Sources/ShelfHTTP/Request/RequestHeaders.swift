/// A request's headers by lower-case name (`origin`, `sec-fetch-site`).
///
/// From a web server they stay where it put them, in the `HTTP_*` variables, and a header is
/// looked up by its variable's name when a handler asks for it: a request asks for a few, and
/// copying every one into a dictionary of its own cost every request more than the lookups do.
/// `HTTP_ACCEPT_LANGUAGE` is `accept-language`: the name after `HTTP_`, lower case, `_` as `-`.
/// The rare variable a server names otherwise (lower case, non-ASCII, other punctuation) is
/// read into a small dictionary once, under the same rule. `HTTP_PROXY` is never a header
/// (httpoxy): a `Proxy:` request header must not become a proxy setting.
///
/// ```swift
/// let head = try RequestHead(cgi: ["REQUEST_METHOD": "GET", "HTTP_ACCEPT_LANGUAGE": "en"])
/// head.headers["accept-language"]  // "en"
/// ```
public struct RequestHeaders: Sendable, ExpressibleByDictionaryLiteral {
    /// The CGI variables, when the headers come from a web server.
    private let variables: CGIVariables
    /// Headers by lower-case name: those given, or the variables not named in the usual way.
    private let named: [String: String]

    /// Headers given by lower-case name, as tests and `shelf serve` hold them.
    public init(_ headers: [String: String]) {
        variables = [:]
        named = headers
    }

    public init(dictionaryLiteral elements: (String, String)...) {
        self.init(Dictionary(elements) { _, last in last })
    }

    /// The headers among the CGI variables `environment`.
    init(cgi environment: [String: String]) {
        self.init(cgi: CGIVariables(environment))
    }

    /// The headers among the CGI `variables`.
    init(cgi variables: CGIVariables) {
        self.variables = variables
        var named: [String: String] = [:]
        variables.forEach { name, value in
            guard Self.isUnusualHeaderVariable(name) else { return }
            named[Self.headerName(cgi: String(decoding: name, as: UTF8.self))] = value()
        }
        self.named = named
    }

    /// The value of the header `name` (lower case), or nil when the request has none.
    public subscript(name: String) -> String? {
        if !variables.isEmpty, Self.hasUsualVariable(header: name) {
            var header = name
            let value = header.withUTF8 { header in variables.value { Self.variable($0, isHeader: header) } }
            if let value { return value }
        }
        return named[name]
    }

    /// Whether the header `name` has a usual variable: ASCII lower-case letters, digits and `-`,
    /// and not `proxy`.
    private static func hasUsualVariable(header name: String) -> Bool {
        let utf8 = name.utf8
        return !utf8.isEmpty && utf8.count <= 250 && name != "proxy" && utf8.allSatisfy { isLowerCaseHeaderByte($0) }
    }

    /// Whether `variable` names `header` (`HTTP_ACCEPT_LANGUAGE`, `accept-language`): compared in
    /// place, where making the variable's name for each header asked for cost an allocation.
    private static func variable(_ variable: UnsafeBufferPointer<UInt8>, isHeader header: UnsafeBufferPointer<UInt8>) -> Bool {
        guard variable.count == 5 + header.count, variable.starts(with: "HTTP_".utf8) else { return false }
        for (index, byte) in header.enumerated() {
            let wanted: UInt8 =
                switch byte {
                case UInt8(ascii: "a")...UInt8(ascii: "z"): byte - 32
                case UInt8(ascii: "-"): UInt8(ascii: "_")
                default: byte
                }
            if variable[5 + index] != wanted { return false }
        }
        return true
    }

    /// An `HTTP_` variable a server named otherwise than usual, which is not `HTTP_PROXY`.
    private static func isUnusualHeaderVariable(_ name: UnsafeBufferPointer<UInt8>) -> Bool {
        name.starts(with: "HTTP_".utf8) && !isUsualVariable(name) && !name.elementsEqual("HTTP_PROXY".utf8)
    }

    /// `HTTP_` and then upper-case ASCII letters, digits and `_`: how servers name them all.
    private static func isUsualVariable(_ name: UnsafeBufferPointer<UInt8>) -> Bool {
        let rest = name.dropFirst(5)
        return !rest.isEmpty
            && rest.allSatisfy { byte in
                switch byte {
                case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "_"): true
                default: false
                }
            }
    }

    private static func isLowerCaseHeaderByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"): true
        default: false
        }
    }

    /// `HTTP_ACCEPT_LANGUAGE` → `accept-language`: the rule every header name follows.
    static func headerName(cgi name: String) -> String {
        let utf8 = name.utf8.dropFirst(5)
        guard utf8.allSatisfy({ $0 < 0x80 }) else { return String(String(name.dropFirst(5)).lowercased().map { $0 == "_" ? "-" : $0 }) }
        return String(
            decoding: utf8.map { byte in
                switch byte {
                case UInt8(ascii: "A")...UInt8(ascii: "Z"): byte + 32
                case UInt8(ascii: "_"): UInt8(ascii: "-")
                default: byte
                }
            }, as: UTF8.self)
    }
}

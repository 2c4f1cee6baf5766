import ShelfCore

/// What the web server says about a request before its body is read, from the CGI variables.
///
/// Everything is checked here once: the method is a token, the path has no `..`, NUL, encoded
/// slash or invalid UTF-8, and header values are valid UTF-8. `HTTP_PROXY` is never read as a
/// header (httpoxy): a `Proxy:` request header must not become a proxy setting.
public struct RequestHead: Sendable {
    public var method: String
    /// `PATH_INFO`: empty or starting with `/` (or `.json` for `/fn/NAME.json`).
    public var path: String
    /// The raw `QUERY_STRING`.
    public var query: String
    /// Request headers by lower-case name.
    public var headers: RequestHeaders
    /// True when the client reached the server over HTTPS.
    public var isHTTPS: Bool
    /// The declared body length, unchecked until a route's limit is known.
    public var contentLength: String?
    /// The body's media type without parameters (`application/x-www-form-urlencoded`).
    public var contentType: String?
    /// What the body holds, once the route has accepted its content type.
    public var bodyType: BodyType?
    /// The client's address as the web server saw it (`REMOTE_ADDR`), empty when not given.
    public var clientAddress: String

    public init(
        method: String, path: String, query: String = "", headers: [String: String] = [:], isHTTPS: Bool = false,
        contentLength: String? = nil, contentType: String? = nil, clientAddress: String = ""
    ) {
        self.method = method
        self.path = path
        self.query = query
        self.headers = RequestHeaders(headers)
        self.isHTTPS = isHTTPS
        self.contentLength = contentLength
        self.contentType = contentType
        self.clientAddress = clientAddress
    }

    /// Reads the CGI/1.1 variables (RFC 3875) the web server set.
    public init(cgi environment: [String: String]) throws(HTTPError) {
        try self.init(cgi: CGIVariables(environment))
    }

    /// Reads the CGI/1.1 variables (RFC 3875) the web server set, however they came.
    public init(cgi variables: CGIVariables) throws(HTTPError) {
        guard let method = variables["REQUEST_METHOD"], !method.isEmpty, method.utf8.allSatisfy({ isTokenByte($0) }) else {
            throw HTTPError(400, "The request has no valid method.", log: "REQUEST_METHOD missing or not a token")
        }
        let path = variables["PATH_INFO"] ?? ""
        try Self.check(path: path)
        if let uri = variables["REQUEST_URI"] { try Self.check(rawURI: uri) }
        let query = variables["QUERY_STRING"] ?? ""
        guard !query.utf8.contains(0) else { throw HTTPError(400, "The query string is not valid.", log: "NUL in QUERY_STRING") }

        let contentType = variables["CONTENT_TYPE"].flatMap { $0.isEmpty ? nil : $0 }
        let https = variables["HTTPS"]
        self.init(
            method: method, path: path, query: query,
            isHTTPS: https.map { Self.isASCII($0, caselessly: "on") || $0 == "1" } ?? false
                || variables["REQUEST_SCHEME"].map { Self.isASCII($0, caselessly: "https") } ?? false,
            contentLength: variables["CONTENT_LENGTH"].flatMap { $0.isEmpty ? nil : $0 },
            contentType: contentType.map(Self.mediaType),
            clientAddress: Self.clientAddress(variables["REMOTE_ADDR"] ?? ""))
        headers = RequestHeaders(cgi: variables)
    }

    /// What can be told of a request whose variables may fail the checks: its method and path as
    /// given, for the error page that answers it.
    init(unchecked variables: CGIVariables) {
        self.init(method: variables["REQUEST_METHOD"] ?? "?", path: variables["PATH_INFO"] ?? "")
    }

    /// `REMOTE_ADDR` cut to 64 Characters; an address that is shorter in bytes, as every real one
    /// is, is kept without counting its Characters.
    private static func clientAddress(_ address: String) -> String {
        address.utf8.count <= 64 ? address : String(address.prefix(64))
    }

    /// `application/json; charset=utf-8` → `application/json`: the first part before a `;`,
    /// trimmed, in lower case. Cut on bytes when the value is ASCII (as it always is): cutting
    /// on Characters cost a form post more than reading its fields.
    static func mediaType(_ contentType: String) -> String {
        // A bare lower-case type (what browsers send with a form) is its own media type: no copy.
        var bytes = contentType
        let isBare = bytes.withUTF8 { bytes in
            guard let first = bytes.first, let last = bytes.last, (0x21...0x7E).contains(first), (0x21...0x7E).contains(last) else {
                return false
            }
            return !bytes.contains { $0 >= 0x80 || $0 == UInt8(ascii: ";") || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains($0) }
        }
        if isBare { return contentType }
        guard contentType.utf8.allSatisfy({ $0 < 0x80 }) else {
            return String(contentType.split(separator: ";").first ?? "").trimmingSpaces.lowercased()
        }
        let first = contentType.utf8.split(separator: UInt8(ascii: ";")).first.map { String(Substring($0)) } ?? ""
        let trimmed = first.trimmingSpaces
        return trimmed.utf8.contains(where: { (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains($0) }) ? trimmed.lowercased() : trimmed
    }

    /// Whether `value` is `lowercase` (ASCII) in any case: what `value.lowercased() == lowercase`
    /// answers, without making a lower-case copy.
    private static func isASCII(_ value: String, caselessly lowercase: String) -> Bool {
        value.utf8.count == lowercase.utf8.count
            && zip(value.utf8, lowercase.utf8).allSatisfy { byte, wanted in
                byte == wanted || ((UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte) && byte + 32 == wanted)
            }
    }

    /// Refuses a `PATH_INFO` that could step outside the function's routes or smuggle bytes.
    ///
    /// An ASCII path (every path a browser sends, percent-encoded) is checked byte by byte; any
    /// other with the same checks on Characters. The two agree on ASCII, where every Character
    /// but CR LF is one byte and none of the checks involves CR LF.
    static func check(path: String) throws(HTTPError) {
        var utf8 = path
        let problem = utf8.withUTF8 { bytes in
            bytes.allSatisfy { $0 < 0x80 } ? Self.problem(asciiPath: bytes) : Self.problem(path: path, bytes: bytes)
        }
        if let problem { throw HTTPError(400, "The address is not valid.", log: "PATH_INFO \(problem)") }
    }

    /// What is wrong with an ASCII path, looked at in place: a path's every request passes here.
    private static func problem(asciiPath bytes: UnsafeBufferPointer<UInt8>) -> String? {
        let slash = UInt8(ascii: "/")
        let dot = UInt8(ascii: ".")
        if bytes.contains(0) { return "contains NUL" }
        if bytes.contains(UInt8(ascii: "\\")) { return "contains a backslash" }
        var segmentStart = 0
        for end in 0...bytes.count where end == bytes.count || bytes[end] == slash {
            let length = end - segmentStart
            if length == 1 && bytes[segmentStart] == dot || length == 2 && bytes[segmentStart] == dot && bytes[segmentStart + 1] == dot {
                return "contains a dot segment"
            }
            segmentStart = end + 1
        }
        if bytes.indices.dropFirst().contains(where: { bytes[$0] == slash && bytes[$0 - 1] == slash }) {
            return "contains an empty segment"
        }
        if bytes.contains(where: { $0 < 0x20 || $0 == 0x7F }) { return "contains a control character" }
        return nil
    }

    /// What is wrong with a path that is not ASCII, looked at by Characters.
    private static func problem(path: String, bytes: UnsafeBufferPointer<UInt8>) -> String? {
        if bytes.contains(0) { return "contains NUL" }
        if path.contains("\\") { return "contains a backslash" }
        if path.split(separator: "/", omittingEmptySubsequences: false).contains(where: { $0 == ".." || $0 == "." }) {
            return "contains a dot segment"
        }
        if path.contains("//") { return "contains an empty segment" }
        if bytes.contains(where: { $0 < 0x20 || $0 == 0x7F }) { return "contains a control character" }
        return nil
    }

    /// Refuses encoded slashes, backslashes, dots and NULs in the raw request path, which a
    /// server may have decoded into `PATH_INFO` where they can no longer be told apart.
    ///
    /// As for `PATH_INFO`, an ASCII address is searched byte by byte, any other on Characters.
    static func check(rawURI: String) throws(HTTPError) {
        let encodings = encodedInURI
        guard rawURI.utf8.allSatisfy({ $0 < 0x80 }) else {
            let path = rawURI.split(separator: "?", maxSplits: 1).first.map(String.init)?.lowercased() ?? ""
            for encoded in encodings where path.contains(encoded) {
                throw HTTPError(400, "The address is not valid.", log: "REQUEST_URI contains \(encoded)")
            }
            return
        }
        // In place, the query left out: every request's address passes here.
        var utf8 = rawURI
        let found = utf8.withUTF8 { bytes -> String? in
            let end = bytes.firstIndex(of: UInt8(ascii: "?")) ?? bytes.count
            // One pass noting which encodings occur (a bit each), then the first of the list is
            // named: four passes, one an encoding, were most of this check's cost.
            let pairs = encodedPairs
            var seen: UInt8 = 0
            var at = 0
            while at + 2 < end {
                if bytes[at] == UInt8(ascii: "%") {
                    let high = lowerASCII(bytes[at + 1])
                    let low = lowerASCII(bytes[at + 2])
                    for (index, pair) in pairs.enumerated() where pair.high == high && pair.low == low { seen |= 1 << index }
                }
                at += 1
            }
            return seen == 0 ? nil : encodings[seen.trailingZeroBitCount]
        }
        if let found { throw HTTPError(400, "The address is not valid.", log: "REQUEST_URI contains \(found)") }
    }

    /// What ``check(rawURI:)`` refuses, in the order it looks for them.
    private static let encodedInURI = ["%2f", "%5c", "%00", "%2e"]
    /// The two characters after `%` of each of ``encodedInURI``, in its order.
    private static let encodedPairs = encodedInURI.map { encoded in
        let bytes = Array(encoded.utf8)
        return (high: bytes[1], low: bytes[2])
    }

    private static func lowerASCII(_ byte: UInt8) -> UInt8 {
        (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte) ? byte + 32 : byte
    }
}

/// What a route's body may hold.
public enum BodyType: Sendable, Hashable {
    case form
    case json
    /// Plain text, which the route reads from ``Request/body`` itself: what `navigator.sendBeacon`
    /// sends for a string, since a JSON type would need a CORS preflight it cannot make.
    case text

    /// The media type a client sends for it.
    public var mediaType: String {
        switch self {
        case .form: "application/x-www-form-urlencoded"
        case .json: "application/json"
        case .text: "text/plain"
        }
    }
}

/// `tchar` of RFC 9110: the bytes a method name may have.
private func isTokenByte(_ byte: UInt8) -> Bool {
    switch byte {
    case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"): true
    default: "!#$%&'*+-.^_`|~".utf8.contains(byte)
    }
}

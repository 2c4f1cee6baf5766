public import ShelfCore

/// What a function answers: a status, headers and a body.
public struct Response: Sendable {
    public var status: Int
    public var headers: [(name: String, value: String)]
    public var body: [UInt8]

    public init(status: Int = 200, headers: [(name: String, value: String)] = [], body: [UInt8] = []) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    /// An HTML page.
    public static func html(_ text: String, status: Int = 200) -> Response {
        Response(status: status, headers: [("Content-Type", "text/html; charset=utf-8")], body: Array(text.utf8))
    }

    /// A JSON document.
    public static func json(_ value: JSON, status: Int = 200) -> Response {
        Response(status: status, headers: [("Content-Type", "application/json")], body: value.bytes)
    }

    /// A JSON document written with ``JSONWriter``.
    public static func json(_ writer: JSONWriter, status: Int = 200) -> Response {
        Response(status: status, headers: [("Content-Type", "application/json")], body: writer.bytes)
    }

    /// `303 See Other` to a path of this site, the answer to a successful form POST so that a
    /// reload does not post again. Only site paths are accepted, never a URL from the request.
    public static func redirect(to path: String) -> Response {
        precondition(path.hasPrefix("/") && !path.hasPrefix("//"), "redirects stay on this site")
        return Response(status: 303, headers: [("Location", path)], body: [])
    }

    /// Sets a header, replacing any of the same name.
    public mutating func setHeader(_ name: String, _ value: String) {
        headers.removeAll { Self.sameName($0.name, name) }
        headers.append((name, value))
    }

    /// The first value of header `name`.
    public func header(_ name: String) -> String? {
        headers.first { Self.sameName($0.name, name) }?.value
    }

    /// Header names compared as HTTP does, ignoring ASCII case; byte by byte, since every
    /// response sets a handful of headers and each setting looks at all the others.
    static func sameName(_ a: String, _ b: String) -> Bool {
        a.utf8.count == b.utf8.count && zip(a.utf8, b.utf8).allSatisfy { lowerASCII($0) == lowerASCII($1) }
    }

    private static func lowerASCII(_ byte: UInt8) -> UInt8 {
        (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte) ? byte + 32 : byte
    }

    /// The whole CGI answer as bytes: `Status: 303 See Other`, the headers, a blank line, the
    /// body; built in one buffer, so the runtime hands the server one write.
    ///
    /// A header value with CR, LF or NUL would split the response, so it is left out (and the
    /// caller has a bug): this is the last line of defence, not the first. Those three bytes
    /// never occur inside a multi-byte UTF-8 sequence, so looking at bytes finds them all.
    public var cgiBytes: [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(cgiCapacity)
        appendCGI(to: &out)
        return out
    }

    /// Room for ``cgiBytes``: the status line, the headers and the body.
    var cgiCapacity: Int {
        64 + headers.reduce(0) { $0 + $1.name.utf8.count + $1.value.utf8.count + 4 } + body.count
    }

    /// Appends ``cgiBytes`` to `out`: the FastCGI runtime writes them straight after a record's
    /// header instead of copying them there.
    func appendCGI(to out: inout [UInt8]) {
        Status.appendLine(status, to: &out)
        for (name, value) in headers {
            // Over the value's bytes in place: the security headers alone are some 300 bytes
            // looked at on every answer, and stepping through a String's UTF-8 view is slower.
            var value = value
            value.withUTF8 { value in
                guard !value.contains(where: { $0 == 0x0D || $0 == 0x0A || $0 == 0 }) else { return }
                out += name.utf8
                out += ": ".utf8
                out.append(contentsOf: value)
                out += "\r\n".utf8
            }
        }
        out += "\r\n".utf8
        out += body
    }
}

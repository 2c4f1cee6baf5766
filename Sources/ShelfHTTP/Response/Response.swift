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
        Response(status: status, headers: [("Content-Type", "application/json")], body: Array(value.text.utf8))
    }

    /// `303 See Other` to a path of this site, the answer to a successful form POST so that a
    /// reload does not post again. Only site paths are accepted, never a URL from the request.
    public static func redirect(to path: String) -> Response {
        precondition(path.hasPrefix("/") && !path.hasPrefix("//"), "redirects stay on this site")
        return Response(status: 303, headers: [("Location", path)], body: [])
    }

    /// Sets a header, replacing any of the same name.
    public mutating func setHeader(_ name: String, _ value: String) {
        headers.removeAll { $0.name.lowercased() == name.lowercased() }
        headers.append((name, value))
    }

    /// The first value of header `name`.
    public func header(_ name: String) -> String? {
        headers.first { $0.name.lowercased() == name.lowercased() }?.value
    }

    /// The CGI response header block (`Status: 303 See Other`, then the headers, a blank line).
    ///
    /// A header value with CR, LF or NUL would split the response, so it is left out (and the
    /// caller has a bug): this is the last line of defence, not the first.
    public var cgiHead: String {
        var out = "Status: \(status) \(Status.reason(status))\r\n"
        for (name, value) in headers where !value.unicodeScalars.contains(where: { $0 == "\r" || $0 == "\n" || $0 == "\0" }) {
            out += "\(name): \(value)\r\n"
        }
        return out + "\r\n"
    }
}

import ShelfCore

/// One HTTP request as a function sees it, after the runtime has checked it.
///
/// The web server describes the request in CGI variables; ``RequestHead`` reads them, the router
/// picks a route, and only then is the body read, up to the route's limit.
public struct Request: Sendable {
    public var head: RequestHead
    /// Exactly `CONTENT_LENGTH` bytes, or empty for a request without a body.
    public var body: [UInt8]

    public init(head: RequestHead, body: [UInt8] = []) {
        self.head = head
        self.body = body
    }

    public var method: String { head.method }
    /// The route inside the function (`/add`), from `PATH_INFO`.
    public var path: String { head.path }

    /// A request header by its lower-case name (`origin`, `sec-fetch-site`).
    public func header(_ name: String) -> String? { head.headers[name] }

    /// True when the client asked for JSON (`Accept: application/json`) rather than a page.
    public var wantsJSON: Bool {
        guard let accept = header("accept") else { return false }
        return accept.split(separator: ",").contains { $0.split(separator: ";").first?.trimmingSpaces == "application/json" }
    }

    /// The fields of a form or JSON-object body, decoded according to its content type.
    public func fields() throws(HTTPError) -> Fields {
        switch head.bodyType {
        case .form: return try Fields(form: body)
        case .json: return try Fields(json: body)
        case .text, nil: return Fields()
        }
    }

    /// The fields of the query string.
    public func queryFields() throws(HTTPError) -> Fields {
        try Fields(form: Array(head.query.utf8))
    }
}

/// Finds the route for a request, or the 404 or 405 that says why there is none.
public struct Router: Sendable {
    public let routes: [Route]

    public init(_ routes: [Route]) {
        self.routes = routes
    }

    /// True when a route at the request's path is for admins only (``Route/Access/admins``):
    /// the whole path is then hidden from anyone else, whatever the method.
    public func isForAdmins(_ head: RequestHead) -> Bool {
        routes.contains { $0.access == .admins && $0.matches(path: head.path) }
    }

    /// The route for the method and path; `HEAD` is answered by the `GET` route.
    public func route(for head: RequestHead) throws(HTTPError) -> Route {
        let onPath = routes.filter { $0.matches(path: head.path) }
        guard !onPath.isEmpty else {
            throw HTTPError.notFound(log: "no route for \(head.path)")
        }
        let method = head.method == "HEAD" ? "GET" : head.method
        if let route = onPath.first(where: { $0.method.rawValue == method }) { return route }
        var allowed = onPath.map(\.method.rawValue)
        if allowed.contains("GET") { allowed.append("HEAD") }
        throw HTTPError(
            405, "This address does not accept that kind of request.", log: "\(head.method) not allowed on \(head.path)",
            headers: [("Allow", allowed.joined(separator: ", "))])
    }

    /// How many body bytes to read for `route`, after checking `CONTENT_LENGTH` and the content
    /// type against its rule: 411 without a length, 400 for a malformed one, 413 over the limit,
    /// 415 for a type the route does not take.
    public static func bodyLength(of head: inout RequestHead, for route: Route) throws(HTTPError) -> Int {
        guard let rule = route.body else {
            // A route without a body reads nothing, whatever was sent.
            return 0
        }
        guard let declared = head.contentLength else {
            throw HTTPError(411, "The request must say how long its body is.", log: "POST without CONTENT_LENGTH")
        }
        guard !declared.isEmpty, declared.count <= 12, declared.utf8.allSatisfy({ (0x30...0x39).contains($0) }),
            let length = Int(declared)
        else {
            throw HTTPError(400, "The request's length is not valid.", log: "CONTENT_LENGTH \"\(declared.prefix(20))\" is not a number")
        }
        guard length <= rule.limit else {
            throw HTTPError(413, "The request is too large.", log: "CONTENT_LENGTH \(length) over the limit \(rule.limit)")
        }
        if length > 0 {
            guard let type = head.contentType, let bodyType = rule.types.first(where: { $0.mediaType == type }) else {
                let accepted = rule.types.map(\.mediaType).sorted().joined(separator: " or ")
                throw HTTPError(
                    415, "Send the request as \(accepted).", log: "content type \(head.contentType ?? "none") not accepted")
            }
            head.bodyType = bodyType
        }
        return length
    }
}

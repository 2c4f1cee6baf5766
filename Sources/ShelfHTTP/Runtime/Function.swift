/// A function: its name (for the log) and its routes. `functions/NAME/main.swift` builds one
/// and calls ``run()``.
///
/// ```swift
/// Function(name: "cart", routes: CartRoutes.all).run()
/// ```
public struct Function: Sendable {
    public let name: String
    public let router: Router
    /// Whether a busy FastCGI process answers the requests it finds waiting together, in one
    /// transaction (``ShelfStore/Store/grouped(writing:_:)``). Only for a function whose
    /// handlers keep to the store: no call to another service while the group holds the lock,
    /// and no write from a `GET`.
    public let groupsRequests: Bool

    public init(name: String, routes: [Route], groupsRequests: Bool = false) {
        self.name = name
        self.router = Router(routes)
        self.groupsRequests = groupsRequests
    }

    /// Serves one CGI request, or loops over FastCGI requests when the web server spawned the
    /// process as a FastCGI responder; never returns.
    public func run() -> Never {
        FunctionRuntime(function: self).run()
    }
}

/// A function: its name (for the log) and its routes. `functions/NAME/main.swift` builds one
/// and calls ``run()``.
///
/// ```swift
/// Function(name: "cart", routes: CartRoutes.all).run()
/// ```
public struct Function: Sendable {
    public let name: String
    public let router: Router

    public init(name: String, routes: [Route]) {
        self.name = name
        self.router = Router(routes)
    }

    /// Serves one CGI request, or loops over FastCGI requests when the web server spawned the
    /// process as a FastCGI responder; never returns.
    public func run() -> Never {
        FunctionRuntime(function: self).run()
    }
}

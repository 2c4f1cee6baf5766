/// One thing a function answers: a method and a path inside the function, what body it takes,
/// and the handler.
///
/// ```swift
/// Route(.post, "/add", body: .accepts([.form, .json], limit: 4096)) { request, context in ... }
/// ```
public struct Route: Sendable {
    public var method: Method
    /// The path after `/fn/NAME`: `/` is the function's own page, `.json` its JSON twin.
    public var path: String
    public var body: BodyRule?
    /// Who may POST here: browsers on this site only (the default), or a provider whose requests
    /// the handler authenticates by their signature (webhooks come from another site by nature).
    public var callers: Callers
    /// Who may learn the route exists: anyone, or admins only (``requireAdmin(_:_:)``).
    public var access: Access
    public var handle: @Sendable (Request, FunctionContext) throws -> Response

    public init(
        _ method: Method, _ path: String, body: BodyRule? = nil, callers: Callers = .sameSite, access: Access = .anyone,
        _ handle: @escaping @Sendable (Request, FunctionContext) throws -> Response
    ) {
        self.method = method
        self.path = path
        self.body = body
        self.callers = callers
        self.access = access
        self.handle = handle
    }

    /// Who may learn that a route exists.
    public enum Access: Sendable {
        case anyone
        /// Logged-in admins. Anyone else gets, for every method, the very answer of an address
        /// with nothing at it — before the method, the body or the cross-site check are looked
        /// at, since a 405, 413 or 403 would tell that something is there.
        case admins
    }

    /// Where a route's POSTs may come from.
    public enum Callers: Sendable {
        /// Pages of this store: the cross-site check applies.
        case sameSite
        /// Any server; the handler must verify the request's signature before acting on it.
        case signedBySender
        /// Any page, this site's or another's, with nothing to verify: the handler must change
        /// nothing a visitor could be harmed by, and bound what one client can make it do
        /// (the analytics beacon, which a copied page or a proxy may send from another origin).
        case anySite
    }

    /// The methods functions use; anything else is a 405.
    public enum Method: String, Sendable {
        case get = "GET"
        case post = "POST"
    }

    /// True when the request path names this route. `""` and `/` are the same page; `.json`
    /// also arrives as `/.json` from servers that can only hand over whole path segments.
    func matches(path requested: String) -> Bool {
        switch path {
        case "/": requested == "" || requested == "/"
        case ".json": requested == ".json" || requested == "/.json"
        default: requested == path
        }
    }
}

/// The body a route takes: which content types, and at most how many bytes.
public struct BodyRule: Sendable {
    public var types: Set<BodyType>
    public var limit: Int

    public static func accepts(_ types: Set<BodyType>, limit: Int) -> BodyRule {
        BodyRule(types: types, limit: limit)
    }
}

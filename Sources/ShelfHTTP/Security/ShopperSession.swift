import ShelfConfig
import ShelfCore
public import ShelfStore

/// The shopper's session as the functions see it: the database row and the hash its form tokens
/// are bound to, plus the cookie to send when it is new or extended. It holds the cart and the
/// checkout in progress.
public struct ShopperSession: Sendable {
    public var session: Session
    public var tokenHash: String
    /// `Set-Cookie` for the answer, when the cookie is new or its lifetime moved.
    public var cookie: String?
    /// The cookie's token, kept from reading the request's cookies once: a session whose
    /// lifetime moves sends it again.
    let token: String

    /// The request's live session, or nil when it has none (no cookie, unknown, expired).
    public static func find(_ request: Request, _ context: FunctionContext, in store: Store) throws -> ShopperSession? {
        guard let token = SessionCookie.token(in: request) else { return nil }
        let hash = SessionCookie.hash(token)
        guard let session = try store.session(tokenHash: hash, now: context.clock.now()) else { return nil }
        return ShopperSession(session: session, tokenHash: hash, token: token)
    }

    /// The request's live session with the lines of its cart and the code of its checkout in
    /// progress, read in one query (``Store/sessionCart(tokenHash:now:)``); nil as for
    /// ``find(_:_:in:)``.
    public static func findWithCart(
        _ request: Request, _ context: FunctionContext, in store: Store
    ) throws -> (shopper: ShopperSession, lines: [CartLine], checkoutCode: String?)? {
        guard let token = SessionCookie.token(in: request) else { return nil }
        let hash = SessionCookie.hash(token)
        guard let cart = try store.sessionCart(tokenHash: hash, now: context.clock.now()) else { return nil }
        return (ShopperSession(session: cart.session, tokenHash: hash, token: token), cart.lines, cart.checkoutCode)
    }

    /// How stale a session's expiry may get before a visit slides it along: a shopper adding
    /// ten items in a minute writes the session once, not ten times.
    static let extensionInterval: Int64 = 3600

    /// The request's session, extended by the cart's lifetime when its expiry is more than
    /// ``extensionInterval`` behind (unless someone is logged in on it); or a new one. `cookie` is set whenever the expiry moved.
    public static func findOrStart(_ request: Request, _ context: FunctionContext, in store: Store) throws -> ShopperSession {
        try keepOrStart(try find(request, context, in: store), request, context, in: store)
    }

    /// `found`, the request's session as ``find(_:_:in:)`` answered it, kept as
    /// ``findOrStart(_:_:in:)`` keeps it; or a new session when it is nil. For a handler that
    /// needs to know whether there is a session before it decides to start one, without asking
    /// the database twice.
    public static func keepOrStart(
        _ found: ShopperSession?, _ request: Request, _ context: FunctionContext, in store: Store
    ) throws -> ShopperSession {
        let now = context.clock.now()
        let lifetime = Int64(context.config.cart.lifetimeDays) * 86_400
        if var found {
            // A logged-in session keeps the lifetime chosen at login (a browser session or 30 days).
            if found.session.customerID == nil, found.session.expiresAt < now + lifetime - extensionInterval {
                try store.extendSession(found.session, until: now + lifetime)
                found.cookie = SessionCookie.setCookie(found.token, https: request.head.isHTTPS, maxAge: lifetime)
            }
            return found
        }
        // A new session is rare enough to be the moment to sweep away expired ones.
        let token = SessionCookie.newToken(context.random)
        let hash = SessionCookie.hash(token)
        let session = try store.startSession(tokenHash: hash, now: now, lifetime: lifetime)
        return ShopperSession(
            session: session, tokenHash: hash, cookie: SessionCookie.setCookie(token, https: request.head.isHTTPS, maxAge: lifetime),
            token: token)
    }

    /// The token function-rendered forms of this session carry.
    public func formToken(_ context: FunctionContext) -> String {
        FormToken.make(sessionHash: tokenHash, key: context.formTokenKey)
    }
}

import ShelfConfig
import ShelfCrypto
public import ShelfStore

extension ShopperSession {
    /// Runs a store change that settles the request's session in its own transaction
    /// (``ShelfStore/SessionClaim``), and returns its result with the session as
    /// ``keepOrStart(_:_:in:)`` would have kept it: the cookie read once, its expiry moved along
    /// when stale, or a new session with its cookie. A new token is made only when the store finds
    /// the cookie names no live session.
    ///
    /// ```swift
    /// let (change, cart) = try ShopperSession.claiming(request, context) { claim in
    ///     try store.addToCart(sku, quantity: 1, claiming: claim, now: now, maxPerLine: 10)
    /// }
    /// ```
    public static func claiming<T>(
        _ request: Request, _ context: FunctionContext, _ change: (SessionClaim) throws -> (T, ClaimedSession)
    ) throws -> (T, ShopperSession) {
        let cookieToken = SessionCookie.token(in: request)
        let lifetime = Int64(context.config.cart.lifetimeDays) * 86_400
        let newToken = NewToken(context.random)
        let claim = SessionClaim(
            tokenHash: cookieToken.map(SessionCookie.hash), lifetime: lifetime, extensionInterval: extensionInterval,
            newTokenHash: newToken.make)
        let (value, claimed) = try change(claim)
        let token = claimed.outcome == .started ? newToken.token : cookieToken
        guard let token else {
            throw HTTPError(500, "Something went wrong on our side. Please try again.", log: "a claimed session has no token")
        }
        var shopper = ShopperSession(session: claimed.session, tokenHash: claimed.tokenHash, token: token)
        if claimed.outcome != .found {
            shopper.cookie = SessionCookie.setCookie(token, https: request.head.isHTTPS, maxAge: lifetime)
        }
        return (value, shopper)
    }
}

extension ShopperSession {
    /// Runs a store change in the request's live session, found by the cookie's hash inside the
    /// change's own transaction, once the request has shown the session's form token (the
    /// function rendered the form). A missing or wrong token is a 403 that asks to reload the
    /// page; a right token whose session has expired since (the change answers nil: no live
    /// session has the hash) is the 403 `expired`, which says in the function's words what was
    /// lost.
    ///
    /// ```swift
    /// let (change, cart) = try ShopperSession.changing(request, fields, context, expired: cartExpired) { hash in
    ///     try store.setCartQuantity(sku, to: 2, inSessionOf: hash, now: now, maxPerLine: 10)
    /// }
    /// ```
    public static func changing<T>(
        _ request: Request, _ fields: Fields, _ context: FunctionContext, expired: HTTPError,
        _ change: (_ tokenHash: String) throws -> (T, Session)?
    ) throws -> (T, ShopperSession) {
        let token = SessionCookie.token(in: request)
        let hash = token.map(SessionCookie.hash)
        try FormToken.check(request, fields, sessionHash: hash, key: context.formTokenKey)
        guard let token, let hash, let (value, session) = try change(hash) else { throw expired }
        return (value, ShopperSession(session: session, tokenHash: hash, token: token))
    }
}

/// The token of a session the store starts for a claim, kept for its cookie.
private final class NewToken {
    private let random: any RandomSource
    /// The last token made: PostgreSQL may run a transaction again, and the last run is the one kept.
    private(set) var token: String?

    init(_ random: any RandomSource) {
        self.random = random
    }

    func make() -> String {
        let token = SessionCookie.newToken(random)
        self.token = token
        return SessionCookie.hash(token)
    }
}

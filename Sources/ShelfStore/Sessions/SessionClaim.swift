/// The session a shopper's change is made in, settled inside the change's own transaction: the
/// live session of the request's cookie, its expiry moved along when it has grown stale, or else
/// a new session. A change that fails then leaves no session behind, and a new shopper's first
/// add commits once.
///
/// ```swift
/// let claim = SessionClaim(tokenHash: cookieHash, lifetime: 30 * 86_400, extensionInterval: 3600) {
///     SessionCookie.hash(newToken())
/// }
/// let (change, claimed) = try store.addToCart("TEE-M", quantity: 1, claiming: claim, now: now, maxPerLine: 10)
/// ```
public struct SessionClaim {
    /// The SHA-256 of the cookie's token in hex; nil when the request has no cookie.
    public var tokenHash: String?
    /// How long a new session lives, and how far ahead of now a visit moves a guest's expiry.
    public var lifetime: Int64
    /// How stale a guest session's expiry may get before a visit moves it: a shopper adding ten
    /// items in a minute writes the session once, not ten times.
    public var extensionInterval: Int64
    /// The hash of a new session's token, asked for only when the cookie names no live session
    /// (and again should PostgreSQL run the transaction again: the last answer is the one kept).
    public var newTokenHash: () -> String

    public init(tokenHash: String?, lifetime: Int64, extensionInterval: Int64, newTokenHash: @escaping () -> String) {
        self.tokenHash = tokenHash
        self.lifetime = lifetime
        self.extensionInterval = extensionInterval
        self.newTokenHash = newTokenHash
    }
}

/// The session a ``SessionClaim`` settled on, and what became of it.
public struct ClaimedSession: Sendable, Hashable {
    public var session: Session
    /// The hash of the token the session is stored under: the cookie's, or the new one's.
    public var tokenHash: String
    public var outcome: Outcome

    public enum Outcome: Sendable, Hashable {
        /// The cookie's session, as it was.
        case found
        /// The cookie's session, its expiry moved out by the claim's lifetime.
        case extended
        /// A new session: the cookie named none that is live, or there was no cookie.
        case started
    }
}

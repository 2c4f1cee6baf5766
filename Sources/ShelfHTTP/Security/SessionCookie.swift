public import ShelfCrypto

/// The session cookie: a random token the browser keeps, of which the database keeps only the
/// SHA-256, so a leaked database does not hand out live sessions.
///
/// Over HTTPS the cookie is `__Host-shelf_session` (Secure, no Domain, Path=/: a sibling
/// domain cannot plant or read it); over plain HTTP, where `Secure` is impossible and the prefix
/// would make browsers drop it, it is `shelf_session`. Both are HttpOnly and SameSite=Lax.
public enum SessionCookie {
    /// 32 bytes: 256 bits of entropy, above the 128 the baseline asks for.
    static let tokenBytes = 32

    public static func name(https: Bool) -> String { https ? "__Host-shelf_session" : "shelf_session" }

    /// A new random token, URL-safe.
    public static func newToken(_ random: any RandomSource) -> String {
        Base64URL.encode(random.bytes(tokenBytes))
    }

    /// What the database stores for `token`.
    public static func hash(_ token: String) -> String { Digest.sha256Hex(token) }

    /// The request's session token, when it has a well-formed one.
    public static func token(in request: Request) -> String? {
        guard let value = Cookies.value(of: name(https: request.head.isHTTPS), in: request.header("cookie")),
            value.utf8.count == 43, Base64URL.isValid(value)
        else { return nil }
        return value
    }

    /// The `Set-Cookie` value that stores `token` until the browser closes (no `Max-Age`).
    public static func setBrowserSessionCookie(_ token: String, https: Bool) -> String {
        "\(name(https: https))=\(token); Path=/; HttpOnly; SameSite=Lax" + (https ? "; Secure" : "")
    }

    /// The `Set-Cookie` value that makes the browser forget the session cookie.
    public static func clearCookie(https: Bool) -> String {
        setCookie("", https: https, maxAge: 0)
    }

    /// The `Set-Cookie` value that stores `token` for `maxAge` seconds.
    public static func setCookie(_ token: String, https: Bool, maxAge: Int64) -> String {
        var cookie = "\(name(https: https))=\(token); Path=/; Max-Age=\(maxAge); HttpOnly; SameSite=Lax"
        if https { cookie += "; Secure" }
        return cookie
    }
}

public import ShelfCrypto
import Synchronization

/// The hidden `_token` field of forms a function renders, bound to the session.
///
/// It is an HMAC of the session's hash under the store's session key: a page on another site can
/// neither read it nor compute it, and it changes with the session.
public enum FormToken {
    /// The form field that carries the token; JSON clients may send the `X-Shelf-Token` header.
    public static let field = "_token"

    /// The token under the key readied once per process (``FunctionContext/formTokenKey``): a
    /// cart page asks for one on every view, and readying the key costs as much again as the token.
    /// A token made a moment ago for the same key and session is taken from
    /// ``FormToken/Recent``, the same bytes.
    public static func make(sessionHash: String, key: HMACSHA256Key) -> String {
        if let kept = recent.withLock({ $0.token(sessionHash: sessionHash, key: key) }) { return kept }
        let token = Base64URL.encode(key.authenticationCode(forUTF8Of: "form:", sessionHash))
        recent.withLock { $0.keep(token, sessionHash: sessionHash, key: key) }
        return token
    }

    private static let recent = Mutex(Recent())

    /// Throws 403 unless the request carries the session's token, in the `_token` field or the
    /// `X-Shelf-Token` header; the key readied once (``FunctionContext/formTokenKey``).
    public static func check(_ request: Request, _ fields: Fields, sessionHash: String?, key: HMACSHA256Key) throws(HTTPError) {
        try check(try fields.optional(field) ?? request.header("x-shelf-token"), sessionHash: sessionHash, key: key)
    }

    /// Throws 403 unless `sent` is the session's token, under a key readied once.
    public static func check(_ sent: String?, sessionHash: String?, key: HMACSHA256Key) throws(HTTPError) {
        guard let sent, let sessionHash else {
            throw HTTPError(403, "This form has expired. Reload the page and try again.", log: "form token or session missing")
        }
        guard Digest.constantTimeEquals(sent, make(sessionHash: sessionHash, key: key)) else {
            throw HTTPError(403, "This form has expired. Reload the page and try again.", log: "form token does not match the session")
        }
    }
}

public import ShelfCrypto
public import ShelfStore

/// The single-use links of account emails (confirm, unlock, reset): a secret derived from a
/// random nonce with the store's session key.
///
/// The account function makes the nonce and stores only the secret's SHA-256; the outbox row
/// keeps the nonce, and the mail deliverer, holding the same key, derives the link again. A copy
/// of the database alone opens no account.
///
/// ```swift
/// let (token, _) = AccountLink.issue(context.random, key: context.secrets.sessionKey)
/// let url = config.baseURL + AccountLink.path(.unlock, secret: AccountLink.secret(nonce: nonce, key: key))
/// ```
public enum AccountLink {
    /// A new nonce, with the token the store records for it and the link's secret.
    public static func issue(_ random: any RandomSource, key: [UInt8]) -> (token: AccountToken, secret: String) {
        let nonce = Base64URL.encode(random.bytes(16))
        let secret = secret(nonce: nonce, key: key)
        return (AccountToken(hash: hash(secret), nonce: nonce), secret)
    }

    /// The link's secret for `nonce`.
    public static func secret(nonce: String, key: [UInt8]) -> String {
        Base64URL.encode(Digest.hmacSHA256(key: key, message: Array("account-link:\(nonce)".utf8)))
    }

    /// What the store keeps of a secret, and looks a link up by.
    public static func hash(_ secret: String) -> String { Digest.sha256Hex(secret) }

    /// The path inside the store that a link of `purpose` opens.
    public static func path(_ purpose: AccountToken.Purpose, secret: String) -> String {
        switch purpose {
        case .confirm: "/fn/account/confirm?token=\(secret)"
        case .unlock: "/fn/account/unlock?token=\(secret)"
        case .reset: "/fn/account/reset/new?token=\(secret)"
        case .email: "/fn/account/email/confirm?token=\(secret)"
        }
    }

    /// The hash of the well-formed `token` of a request's fields, or nil: a malformed token is
    /// looked up no further.
    public static func hash(in fields: Fields) throws(HTTPError) -> String? {
        guard let token = try fields.optional("token"), token.utf8.count == 43, Base64URL.isValid(token) else { return nil }
        return hash(token)
    }
}

import ShelfConfig
public import ShelfCrypto
public import ShelfStore

/// Who a visitor is to the analytics, for one day only: an HMAC-SHA256, keyed with the day's
/// secret salt, of the site, the client's address and its user agent, cut to 128 bits in hex.
///
/// Neither the address nor the user agent is kept anywhere. The salt is deleted once its day is
/// over (``ShelfStore/Store/analyticsSalt(now:candidate:)``), so tomorrow the same browser is a
/// new visitor and nobody, the merchant included, can tell whose hash an old row holds.
public enum VisitorHash {
    /// The hash of a client under `salt` (64 hex characters).
    ///
    /// ```swift
    /// VisitorHash.make(salt: salt, address: "203.0.113.9", userAgent: "Mozilla/5.0 …", site: "https://shop.example")
    /// ```
    public static func make(salt: String, address: String, userAgent: String, site: String) -> String {
        make(key: HMACSHA256Key(Array(salt.utf8)), address: address, userAgent: userAgent, site: site)
    }

    /// The hash of a client under a salt already readied as a key (``FunctionContext/visitorKey(in:)``).
    public static func make(key: HMACSHA256Key, address: String, userAgent: String, site: String) -> String {
        Hex.encode(Array(key.authenticationCode(forUTF8Of: site, "\0", address, "\0", userAgent).prefix(16)))
    }

    /// The hash of the client that sent `request`, under today's salt (made on the day's first
    /// request from `context`'s random source, then kept by the process with its key).
    public static func of(_ request: Request, _ context: FunctionContext, in store: Store) throws -> String {
        make(
            key: try context.visitorKey(in: store), address: request.head.clientAddress,
            userAgent: request.header("user-agent") ?? "", site: context.config.baseURL)
    }
}

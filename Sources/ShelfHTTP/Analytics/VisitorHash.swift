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
        var message: [UInt8] = []
        message.reserveCapacity(site.utf8.count + address.utf8.count + userAgent.utf8.count + 2)
        message += site.utf8
        message.append(0)
        message += address.utf8
        message.append(0)
        message += userAgent.utf8
        return Hex.encode(Array(key.authenticationCode(for: message).prefix(16)))
    }

    /// The hash of the client that sent `request`, under today's salt (made on the day's first
    /// request from `context`'s random source, then kept by the process with its key).
    public static func of(_ request: Request, _ context: FunctionContext, in store: Store) throws -> String {
        make(
            key: try context.visitorKey(in: store), address: request.head.clientAddress,
            userAgent: request.header("user-agent") ?? "", site: context.config.baseURL)
    }
}

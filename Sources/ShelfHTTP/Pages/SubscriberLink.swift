import ShelfCrypto
public import ShelfStore

/// The signed links of a subscriber's emails: unsubscribe (RFC 8058 one-click) and the
/// preference page. The token is the subscriber's id and an HMAC of it and the address under
/// the store's session key, so it needs no row, works for as long as the subscription does, and
/// opens no other subscriber.
///
/// ```swift
/// let token = SubscriberLink.token(for: subscriber, key: secrets.sessionKey)
/// let header = config.baseURL + SubscriberLink.unsubscribePath(token)
/// ```
public enum SubscriberLink {
    /// `ID.MAC` for `subscriber`.
    public static func token(for subscriber: Subscriber, key: [UInt8]) -> String {
        "\(subscriber.id).\(mac(id: subscriber.id, email: subscriber.email, key: key))"
    }

    /// The subscriber a token names, when its MAC is right for that subscriber's address; nil
    /// for a malformed, forged or unknown token.
    public static func subscriber(for token: String, in store: Store, key: [UInt8]) throws -> Subscriber? {
        let parts = token.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count <= 18, parts[0].allSatisfy(\.isASCII), let id = Int64(parts[0]), id > 0,
            parts[1].utf8.count == 43, Base64URL.isValid(String(parts[1])),
            let subscriber = try store.subscriber(id: id)
        else { return nil }
        let expected = mac(id: id, email: subscriber.email, key: key)
        return Digest.constantTimeEquals(String(parts[1]), expected) ? subscriber : nil
    }

    /// The one-click unsubscribe address inside the store (`List-Unsubscribe`).
    public static func unsubscribePath(_ token: String) -> String { "/fn/subscribe/unsubscribe?token=\(token)" }

    /// The preference page inside the store.
    public static func preferencesPath(_ token: String) -> String { "/fn/subscribe/preferences?token=\(token)" }

    private static func mac(id: Int64, email: String, key: [UInt8]) -> String {
        Base64URL.encode(Digest.hmacSHA256(key: key, message: Array("subscriber-link:\(id):\(email)".utf8)))
    }
}

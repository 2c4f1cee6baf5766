import ShelfCore
import ShelfCrypto

/// The signed redirect behind every store link of a newsletter: it records which subscriber
/// followed which link of which section, then sends the reader on — only to a path of the
/// store itself, so it can never serve as an open redirect.
///
/// ```swift
/// let link = NewsletterClickLink(newsletter: 3, subscriber: 42, section: "intro", target: "/products/coat/")
/// let url = config.baseURL + link.path(key: secrets.sessionKey)
/// ```
public struct NewsletterClickLink: Hashable, Sendable {
    public var newsletter: Int64
    public var subscriber: Int64
    public var section: String
    /// A path inside the store: one `/`, then no second `/` or `\`, no control character.
    public var target: String

    public init(newsletter: Int64, subscriber: Int64, section: String, target: String) {
        self.newsletter = newsletter
        self.subscriber = subscriber
        self.section = section
        self.target = target
    }

    /// The link's address inside the store: `/fn/subscribe/click?n=…&r=…&s=…&to=…&sig=…`.
    public func path(key: [UInt8]) -> String {
        let query = [
            ("n", String(newsletter)), ("r", String(subscriber)), ("s", section), ("to", target), ("sig", signature(key: key)),
        ]
        return "/fn/subscribe/click?" + query.map { "\($0)=\(PercentEncoding.encode($1, keepingSlashes: true))" }.joined(separator: "&")
    }

    /// The link a request's fields describe, when its signature is right and its target is a
    /// path of the store; nil otherwise (forged, altered, or pointing anywhere else).
    public init?(fields: [String: String], key: [UInt8]) {
        guard let n = fields["n"], n.count <= 18, let newsletter = Int64(n), newsletter > 0,
            let r = fields["r"], r.count <= 18, let subscriber = Int64(r), subscriber > 0,
            let section = fields["s"], section.utf8.count <= 100, let target = fields["to"], let signature = fields["sig"],
            signature.utf8.count == 43
        else { return nil }
        self.init(newsletter: newsletter, subscriber: subscriber, section: section, target: target)
        guard Self.isStorePath(target),
            Self.isSigned(signedText, signature: signature, key: key)
        else { return nil }
    }

    /// True for a path of this store: `/` then anything but a second `/` or `\` at once (a
    /// browser reads `//host` and `/\host` as another host), without spaces or control
    /// characters, at most 2,000 bytes.
    public static func isStorePath(_ target: String) -> Bool {
        let bytes = Array(target.utf8)
        guard bytes.first == UInt8(ascii: "/"), bytes.count <= 2000 else { return false }
        if bytes.count > 1, bytes[1] == UInt8(ascii: "/") || bytes[1] == UInt8(ascii: "\\") { return false }
        return bytes.allSatisfy { $0 > 0x20 && $0 != 0x7F && $0 != UInt8(ascii: "\\") }
    }

    private func signature(key: [UInt8]) -> String { Self.sign(signedText, key: key) }

    /// What the signature covers: every field, the section's length first so that no two
    /// links share it.
    private var signedText: String { "newsletter-click:\(newsletter):\(subscriber):\(section.utf8.count):\(section):\(target)" }

    /// The signature of a newsletter's per-recipient address (a click link, the open pixel):
    /// HMAC-SHA256 of `message` under `key`, base64url without padding (43 characters).
    static func sign(_ message: String, key: [UInt8]) -> String {
        Base64URL.encode(Digest.hmacSHA256(key: key, message: Array(message.utf8)))
    }

    /// True when `signature` is `message`'s signature under `key`, compared in constant time.
    static func isSigned(_ message: String, signature: String, key: [UInt8]) -> Bool {
        signature.utf8.count == 43 && Digest.constantTimeEquals(signature, sign(message, key: key))
    }
}

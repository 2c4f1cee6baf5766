public import ShelfCore
import ShelfCrypto

/// The signed link a buyer follows to review one line of a delivered order: the order number,
/// the line, an expiry and an HMAC of the three under the store's session key. Changing any of
/// them (another order, another line, a later expiry) breaks the signature.
///
/// ```swift
/// let link = ReviewLink(order: order.number, line: 1, expires: deliveredAt + ReviewLink.lifetime)
/// let url = config.baseURL + link.path(key: secrets.sessionKey)
/// ```
public struct ReviewLink: Hashable, Sendable {
    /// How long after delivery a link stays good: a year, in seconds.
    public static let lifetime: Int64 = 365 * 24 * 3600

    public var order: OrderNumber
    /// The line's position within its order.
    public var line: Int
    /// Unix seconds after which the link is refused.
    public var expires: Int64

    public init(order: OrderNumber, line: Int, expires: Int64) {
        self.order = order
        self.line = line
        self.expires = expires
    }

    /// The link's address inside the store: `/fn/reviews/write?o=…&l=…&e=…&sig=…`.
    public func path(key: [UInt8]) -> String {
        "/fn/reviews/write?" + query(key: key)
    }

    /// The link's query string, also the hidden fields of the review form.
    public func query(key: [UInt8]) -> String {
        "o=\(order)&l=\(line)&e=\(expires)&sig=\(signature(key: key))"
    }

    /// The signature that goes with the link, for the form's hidden `sig` field.
    public func signature(key: [UInt8]) -> String {
        Base64URL.encode(Digest.hmacSHA256(key: key, message: Array("review:\(order):\(line):\(expires)".utf8)))
    }

    /// The link that `fields` carry, when its signature is right and it has not expired: a 404
    /// otherwise, which says nothing about whether the order exists, and a 410 once expired.
    public static func verified(_ fields: Fields, key: [UInt8], now: Int64) throws -> ReviewLink {
        let notFound = HTTPError(
            404, "This review link is not valid. Use the link in your delivery email or on your order page.", log: "bad review link")
        guard let orderText = try fields.optional("o"), let order = OrderNumber(parsing: orderText),
            let lineText = try fields.optional("l"), lineText.utf8.count <= 6, let line = Int(lineText), line > 0,
            let expiresText = try fields.optional("e"), expiresText.utf8.count <= 18, let expires = Int64(expiresText),
            let sent = try fields.optional("sig"), sent.utf8.count == 43
        else { throw notFound }
        let link = ReviewLink(order: order, line: line, expires: expires)
        guard Digest.constantTimeEquals(sent, link.signature(key: key)) else { throw notFound }
        guard now <= expires else {
            throw HTTPError(410, "This review link has expired. Thank you for shopping with us.", log: "expired review link")
        }
        return link
    }
}

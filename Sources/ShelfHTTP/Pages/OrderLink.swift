public import ShelfCore
import ShelfCrypto

/// The order status page's address: the order number and an HMAC of it under the store's
/// session key, so the link in an email or a bookmark opens that order and no other, without a
/// login. The checkout function answers it; the order emails carry it.
///
/// ```swift
/// let url = config.baseURL + OrderLink.path(order.number, key: secrets.sessionKey)
/// ```
public enum OrderLink {
    public static func path(_ number: OrderNumber, key: [UInt8]) -> String {
        "/fn/checkout/order?n=\(number)&t=\(token(number, key: key))"
    }

    public static func token(_ number: OrderNumber, key: [UInt8]) -> String {
        Base64URL.encode(Digest.hmacSHA256(key: key, message: Array("order:\(number)".utf8)))
    }

    /// The order a link names, when its token is right; a 404 otherwise, which says nothing about
    /// whether the order exists.
    public static func verified(_ fields: Fields, key: [UInt8]) throws -> OrderNumber {
        let notFound = HTTPError(404, "We could not find that order. Check the link in your email.", log: "bad order link")
        guard let text = try fields.optional("n"), let number = OrderNumber(parsing: text), let sent = try fields.optional("t"),
            Digest.constantTimeEquals(sent, token(number, key: key))
        else { throw notFound }
        return number
    }
}

import ShelfConfig
import ShelfCore
import ShelfCrypto
import ShelfHTTP

/// The order page's address: the order number and an HMAC of it under the store's session key,
/// so the link in an email or a bookmark opens that order and no other, without a login.
enum OrderLink {
    static func path(_ number: OrderNumber, _ context: FunctionContext) -> String {
        "/fn/checkout/order?n=\(number)&t=\(token(number, context))"
    }

    static func token(_ number: OrderNumber, _ context: FunctionContext) -> String {
        Base64URL.encode(Digest.hmacSHA256(key: context.secrets.sessionKey, message: Array("order:\(number)".utf8)))
    }

    /// The order a link names, when its token is right; a 404 otherwise, which says nothing about
    /// whether the order exists.
    static func verified(_ fields: Fields, _ context: FunctionContext) throws -> OrderNumber {
        let notFound = HTTPError(404, "We could not find that order. Check the link in your email.", log: "bad order link")
        guard let text = try fields.optional("n"), let number = OrderNumber(parsing: text), let sent = try fields.optional("t"),
            Digest.constantTimeEquals(Array(sent.utf8), Array(token(number, context).utf8))
        else { throw notFound }
        return number
    }
}

import ShelfCrypto

extension ReviewLink {
    /// The review form's hidden `_token`, derived from the signed link rather than a session, so
    /// a buyer whose browser refuses cookies can still send the form.
    ///
    /// It is an HMAC of the link's order, line and expiry under the store's session key with its
    /// own purpose, so it differs from the link's `sig`: only a page the store rendered for the
    /// link carries it. Posts from other sites are refused before it is looked at (the
    /// cross-site guard on every form post).
    public func formToken(key: [UInt8]) -> String {
        Base64URL.encode(Digest.hmacSHA256(key: key, message: Array("review-form:\(order):\(line):\(expires)".utf8)))
    }

    /// Throws 403 unless `fields` carry this link's form token, compared in constant time.
    public func checkFormToken(_ fields: Fields, key: [UInt8]) throws(HTTPError) {
        guard let sent = try fields.optional(FormToken.field) else {
            throw HTTPError(403, "This form has expired. Reload the page and try again.", log: "review form token missing")
        }
        guard Digest.constantTimeEquals(Array(sent.utf8), Array(formToken(key: key).utf8)) else {
            throw HTTPError(403, "This form has expired. Reload the page and try again.", log: "review form token does not match its link")
        }
    }
}

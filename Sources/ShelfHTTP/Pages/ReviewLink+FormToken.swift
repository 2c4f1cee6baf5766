public import ShelfCrypto

extension ReviewLink {
    /// The review form's hidden `_token`, derived from the signed link rather than a session, so
    /// a buyer whose browser refuses cookies can still send the form.
    ///
    /// It is an HMAC of the link's order, line and expiry under the store's session key with its
    /// own purpose, so it differs from the link's `sig`: only a page the store rendered for the
    /// link carries it. Posts from other sites are refused before it is looked at (the
    /// cross-site guard on every form post). `key` is the session key readied once per process
    /// (``FunctionContext/formTokenKey``).
    public func formToken(key: HMACSHA256Key) -> String {
        Base64URL.encode(key.authenticationCode(for: Array("review-form:\(order):\(line):\(expires)".utf8)))
    }

    /// Throws 403 unless `fields` carry this link's form token, compared in constant time.
    public func checkFormToken(_ fields: Fields, key: HMACSHA256Key) throws(HTTPError) {
        guard let sent = try fields.optional(FormToken.field) else {
            throw HTTPError(403, "This form has expired. Reload the page and try again.", log: "review form token missing")
        }
        guard Digest.constantTimeEquals(sent, formToken(key: key)) else {
            throw HTTPError(403, "This form has expired. Reload the page and try again.", log: "review form token does not match its link")
        }
    }
}

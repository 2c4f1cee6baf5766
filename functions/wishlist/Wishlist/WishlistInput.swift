import ShelfHTTP

/// The wish list's form fields, checked before anything touches the database.
enum WishlistInput {
    /// The product's handle: 1 to 100 letters, digits, dashes, underscores or dots.
    static func product(_ fields: Fields) throws(HTTPError) -> String {
        let handle = try fields.required("product")
        guard isCode(handle, most: 100) else { throw HTTPError(400, "That product is not valid.", log: "malformed product handle") }
        return handle
    }

    /// The variant's SKU, when one was sent: 1 to 64 of the same characters.
    static func sku(_ fields: Fields) throws(HTTPError) -> String? {
        guard let sku = try fields.optional("sku"), !sku.isEmpty else { return nil }
        guard isCode(sku, most: 64) else { throw HTTPError(400, "That product code is not valid.", log: "malformed sku") }
        return sku
    }

    /// Where to send the browser after a change: a path on this store (`/products/tee/`), never
    /// another host (`//evil.example`, `https://…`, `/\evil.example`); nil for anything else,
    /// which sends the browser to the list.
    static func back(_ fields: Fields) throws(HTTPError) -> String? {
        guard let back = try fields.optional("back"), back.utf8.count <= 512, back.hasPrefix("/"), !back.hasPrefix("//"),
            back.utf8.allSatisfy({ (0x21...0x7E).contains($0) && $0 != UInt8(ascii: "\\") })
        else { return nil }
        return back
    }

    private static func isCode(_ text: String, most: Int) -> Bool {
        (1...most).contains(text.utf8.count)
            && text.utf8.allSatisfy { byte in
                switch byte {
                case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                    UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "."):
                    true
                default: false
                }
            }
    }
}

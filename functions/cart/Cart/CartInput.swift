import ShelfConfig
import ShelfCore
import ShelfHTTP

/// The cart's form fields, checked before anything touches the database.
enum CartInput {
    /// A SKU as the catalogue allows them: 1 to 64 letters, digits, dots, dashes, underscores.
    static func sku(_ fields: Fields) throws(HTTPError) -> String {
        let sku = try fields.required("sku")
        guard sku.utf8.count <= 64, sku.utf8.allSatisfy({ isSKUByte($0) }) else {
            throw HTTPError(400, "That product code is not valid.", log: "malformed sku")
        }
        return sku
    }

    /// The SKU the shopper chose on the product page. Without one, a 422 that asks for the
    /// option the page's form names (`choose=size`: "Choose a size, then add it to your cart.").
    static func chosenSKU(_ fields: Fields) throws(HTTPError) -> String {
        if let sent = try fields.optional("sku"), !sent.isEmpty { return try sku(fields) }
        let named = try fields.optional("choose") ?? ""
        let option =
            (1...30).contains(named.count) && named.first!.isLetter
                && named.allSatisfy({ $0.isASCII && ($0.isLetter || $0 == " ") }) ? named.lowercased() : "option"
        let article = "aeiou".contains(option.first!) ? "an" : "a"
        throw HTTPError(422, "Choose \(article) \(option), then add it to your cart.", log: "no sku chosen")
    }

    /// A whole number of items from `range`, written in plain digits; `fallback` when absent.
    static func quantity(_ fields: Fields, in range: ClosedRange<Int>, fallback: Int? = nil) throws(HTTPError) -> Int {
        let sent = try fields.optional("quantity")
        if sent == nil || sent == "", let fallback { return fallback }
        guard let text = sent, (1...4).contains(text.utf8.count), text.utf8.allSatisfy({ (0x30...0x39).contains($0) }),
            let quantity = Int(text), range.contains(quantity)
        else {
            throw HTTPError(
                400, "The quantity must be a whole number from \(range.lowerBound) to \(range.upperBound).",
                log: "bad quantity \"\((sent ?? "").prefix(12))\"")
        }
        return quantity
    }

    private static func isSKUByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
            UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "."):
            true
        default: false
        }
    }
}

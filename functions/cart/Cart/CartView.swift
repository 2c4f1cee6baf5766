import ShelfConfig
import ShelfCore
import ShelfHTTP
import ShelfStore

/// The cart as the page and the JSON show it: lines, count, subtotal, formatted in the store's
/// locale. Everything here comes from the database.
struct CartView {
    let lines: [CartLine]
    /// The form token of the session, for the page's update and remove forms.
    let token: String?
    let maxPerLine: Int
    private let prices: PriceFormatter

    init(lines: [CartLine], token: String?, context: FunctionContext) {
        self.lines = lines
        self.token = token
        self.maxPerLine = context.config.cart.maxPerLine
        self.prices = context.prices
    }

    /// Items in the cart, counting quantities.
    var count: Int { lines.reduce(0) { $0 + $1.quantity } }

    /// The sum of the line totals; nil for an empty cart.
    var subtotal: Money? {
        guard let first = lines.first else { return nil }
        return lines.dropFirst().reduce(first.lineTotal) { $0 + $1.lineTotal }
    }

    /// "Organic Tee — Forest / M"
    static func name(of variant: SellableVariant) -> String {
        let options = variant.options.map(\.value).joined(separator: " / ")
        return options.isEmpty ? variant.productTitle : "\(variant.productTitle) — \(options)"
    }

    /// The members `count`, `lines`, `subtotal` and (with a session) `token`, into an object
    /// the caller has begun: written straight as bytes, since every `cart.json` writes them.
    func writeMembers(to json: inout JSONWriter) {
        json.member("count", count)
        json.key("lines")
        json.beginArray()
        for line in lines { write(line, to: &json) }
        json.endArray()
        json.key("subtotal")
        if let subtotal { json.money(subtotal, prices) } else { json.null() }
        if let token {
            json.member("token", token)
        }
    }

    private func write(_ line: CartLine, to json: inout JSONWriter) {
        let variant = line.variant
        json.beginObject()
        json.member("sku", variant.sku)
        json.member("title", variant.productTitle)
        json.key("url")
        json.string { url in
            url += "/products/".utf8
            url += variant.productHandle.utf8
            url.append(UInt8(ascii: "/"))
        }
        json.key("options")
        json.beginArray()
        for option in variant.options {
            json.beginObject()
            json.member("name", option.name)
            json.member("value", option.value)
            json.endObject()
        }
        json.endArray()
        json.key("image")
        if let image = variant.image {
            json.beginObject()
            json.member("src", image.src)
            json.member("alt", image.alt)
            json.endObject()
        } else {
            json.null()
        }
        json.member("quantity", line.quantity)
        json.member("available", variant.available)
        json.key("unit_price")
        json.money(variant.price, prices)
        json.key("line_total")
        json.money(line.lineTotal, prices)
        json.endObject()
    }

    /// The template values of `cart.mustache`.
    var values: [String: Any] {
        var cart: [String: Any] = [
            "count": count, "is_empty": lines.isEmpty, "checkout_url": "/fn/checkout", "continue_url": "/shop/",
            "max_per_line": maxPerLine,
        ]
        cart["lines"] = lines.map { line -> [String: Any] in
            let variant = line.variant
            var values: [String: Any] = [
                "sku": variant.sku, "title": variant.productTitle, "url": "/products/\(variant.productHandle)/",
                "options": variant.options.map { ["name": $0.name, "value": $0.value] },
                "quantity": line.quantity, "unit_price": prices.string(variant.price), "line_total": prices.string(line.lineTotal),
                "max": min(maxPerLine, max(variant.available, line.quantity)), "token": token ?? "",
                "update_action": "/fn/cart/update", "remove_action": "/fn/cart/remove",
            ]
            if let image = variant.image { values["image"] = ["src": image.src, "alt": image.alt] }
            if let compareAt = variant.compareAtPrice, compareAt > variant.price { values["compare_at"] = prices.string(compareAt) }
            return values
        }
        if let subtotal { cart["subtotal"] = prices.string(subtotal) }
        if count > 0 { cart["badge"] = String(count) }
        if let token { cart["token"] = token }
        return ["cart": cart]
    }
}

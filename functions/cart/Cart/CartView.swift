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

    var json: JSON {
        var members: [(String, JSON)] = [("count", .number(String(count)))]
        members.append(("lines", .array(lines.map(lineJSON))))
        members.append(("subtotal", subtotal.map(money) ?? .null))
        if let token { members.append(("token", .string(token))) }
        return .object(members)
    }

    private func lineJSON(_ line: CartLine) -> JSON {
        let variant = line.variant
        return .object([
            ("sku", .string(variant.sku)),
            ("title", .string(variant.productTitle)),
            ("url", .string("/products/\(variant.productHandle)/")),
            ("options", .array(variant.options.map { .object([("name", .string($0.name)), ("value", .string($0.value))]) })),
            ("image", variant.image.map { .object([("src", .string($0.src)), ("alt", .string($0.alt))]) } ?? .null),
            ("quantity", .number(String(line.quantity))),
            ("available", .number(String(variant.available))),
            ("unit_price", money(variant.price)),
            ("line_total", money(line.lineTotal)),
        ])
    }

    private func money(_ amount: Money) -> JSON {
        .object([
            ("amount", .number(String(amount.minorUnits))), ("currency", .string(amount.currency.code)),
            ("formatted", .string(prices.string(amount))),
        ])
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

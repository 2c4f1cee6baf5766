import ShelfConfig
import ShelfCore

/// What the product page promises under "Add to cart": free shipping, returns and tax, each
/// derived from the checkout settings so the page never promises what checkout does not give.
///
///     ProductPerks(checkout: config.checkout, prices: prices).shipping
///     // "Free shipping to Ireland on orders from €75.00"
struct ProductPerks {
    let checkout: CheckoutSettings
    let prices: PriceFormatter

    /// The cheapest way to ship for free: a method that is always free, else the lowest
    /// `free_from`; nil when no method is ever free.
    var shipping: String? {
        if let free = checkout.shipping.first(where: { $0.rate.minorUnits == 0 }) {
            return "Free shipping" + Self.destination(free.countries)
        }
        let thresholds = checkout.shipping.compactMap { method in method.freeFrom.map { (method, $0) } }
        guard let (method, amount) = thresholds.min(by: { $0.1 < $1.1 }) else { return nil }
        return "Free shipping\(Self.destination(method.countries)) on orders from \(prices.string(amount))"
    }

    /// "Free returns within 30 days" from `return_days` and `free_returns`; nil without either.
    var returns: String? {
        switch (checkout.returnDays, checkout.freeReturns) {
        case (let days?, true): "Free returns within \(days) days"
        case (let days?, false): "Returns within \(days) days"
        case (nil, true): "Free returns"
        case (nil, false): nil
        }
    }

    /// Whether prices include the tax, in the store's one word for it; nil for a store without tax.
    var tax: String? {
        guard !checkout.taxes.isEmpty else { return nil }
        return checkout.taxMode == .inclusive ? "Prices include \(checkout.taxName)" : "\(checkout.taxName) is added at checkout"
    }

    /// The template's `product.perks`; nil when there is nothing to promise.
    func values(returnsURL: String?) -> Values? {
        var values: Values = [:]
        values.setText("shipping", shipping)
        values.setText("returns", returns)
        values.setText("tax", tax)
        guard !values.isEmpty else { return nil }
        values.setText("returns_url", returnsURL)
        return values
    }

    /// " to Ireland", " to Ireland and France", " to 11 countries", or nothing for all others.
    private static func destination(_ countries: Countries) -> String {
        guard case .only(let codes) = countries else { return "" }
        let names = codes.map { CountryNames.name(of: $0) ?? $0 }.sorted()
        switch names.count {
        case 1: return " to \(names[0])"
        case 2: return " to \(names[0]) and \(names[1])"
        default: return " to \(names.count) countries"
        }
    }
}

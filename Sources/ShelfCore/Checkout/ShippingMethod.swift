/// A way to ship an order, from `[[shipping]]` in `shelf.toml`: a flat rate per order, free from
/// a subtotal on, for some countries, with the delivery time shoppers see.
public struct ShippingMethod: Hashable, Sendable {
    /// The form value (`standard`); the only thing a request may name.
    public var id: String
    public var name: String
    public var countries: Countries
    public var rate: Money
    /// The subtotal (after discounts) from which shipping is free; nil when it never is.
    public var freeFrom: Money?
    /// "3–5 business days".
    public var delivery: String

    public init(id: String, name: String, countries: Countries, rate: Money, freeFrom: Money? = nil, delivery: String) {
        self.id = id
        self.name = name
        self.countries = countries
        self.rate = rate
        self.freeFrom = freeFrom
        self.delivery = delivery
    }

    /// What shipping costs for an order of `subtotal`.
    public func price(for subtotal: Money) -> Money {
        if let freeFrom, subtotal >= freeFrom { return .zero(rate.currency) }
        return rate
    }

    /// The methods that ship to `country`: those listing it, or the catch-alls when none does.
    public static func available(_ methods: [ShippingMethod], to country: String) -> [ShippingMethod] {
        let specific = methods.filter { $0.countries.isSpecific && $0.countries.contains(country) }
        return specific.isEmpty ? methods.filter { !$0.countries.isSpecific } : specific
    }
}

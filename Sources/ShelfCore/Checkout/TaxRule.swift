/// The tax rate of some countries, from `[[tax]]` in `shelf.toml`.
public struct TaxRule: Hashable, Sendable {
    public var countries: Countries
    public var rate: Rate
    /// What the summary calls it (`VAT`).
    public var name: String

    public init(countries: Countries, rate: Rate, name: String = "Tax") {
        self.countries = countries
        self.rate = rate
        self.name = name
    }
}

/// Whether catalogue prices include tax (one choice for the whole store).
public enum TaxMode: String, Hashable, Sendable {
    /// Prices are what the shopper pays; the tax is the part of it the rate says.
    case inclusive
    /// Prices are net; the tax is added on top.
    case exclusive
}

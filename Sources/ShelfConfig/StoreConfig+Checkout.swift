public import ShelfCore
import TOMLKit

/// Checkout settings: where the store sells, how it ships and taxes, its codes and its payment
/// provider (`[checkout]`, `[payments]`, `[[shipping]]`, `[[tax]]`, `[[codes]]`).
public struct CheckoutSettings: Sendable, Hashable {
    /// The countries shoppers may choose, in list order (ISO codes).
    public var countries: [String] = []
    public var taxMode: TaxMode = .inclusive
    /// How long a placed order holds its stock before payment.
    public var reservationMinutes = 30
    /// Days a shopper has to return an order, when the store takes returns (`return_days`).
    public var returnDays: Int?
    /// Whether returns cost the shopper nothing (`free_returns`).
    public var freeReturns = false
    public var shipping: [ShippingMethod] = []
    public var taxes: [TaxRule] = []
    public var codes: [DiscountCode] = []
    public var payments = Payments()

    /// The payment provider and its settings (keys are in the secrets file).
    public struct Payments: Sendable, Hashable {
        public var provider: Provider = .test
        /// Stripe's API, or a local stand-in in tests.
        public var stripeAPI = "https://api.stripe.com"
        /// Shown to shoppers who pay by bank transfer or on delivery.
        public var manualInstructions = "We will send you our bank details by email."
    }

    public enum Provider: String, Sendable, Hashable, CaseIterable {
        case test, manual, stripe
    }
}

extension CheckoutSettings {
    /// The one word the store uses for tax on every page and email: the name its `[[tax]]` rules
    /// share ("VAT"), or "Tax" when they have none or differ.
    public var taxName: String {
        let names = Set(taxes.map(\.name))
        return names.count == 1 ? names.first! : "Tax"
    }
}

extension CheckoutSettings {
    /// Reads the checkout sections of `shelf.toml`; without them the store sells nowhere yet.
    init(_ root: TOMLReader, currency: Currency) throws(SiteError) {
        if let section = try root.table("checkout") {
            try section.allowOnly(["countries", "prices_include_tax", "reservation_minutes", "return_days", "free_returns"])
            countries = try section.strings("countries") ?? []
            for code in countries where CountryNames.name(of: code) == nil {
                throw section.error(at: "countries", "\"\(code)\" is not a country code Shelf knows; use ISO codes like \"IE\", \"FR\"")
            }
            taxMode = try section.bool("prices_include_tax") ?? true ? .inclusive : .exclusive
            reservationMinutes = try section.int("reservation_minutes", in: 5...1440) ?? reservationMinutes
            returnDays = try section.int("return_days", in: 1...365)
            freeReturns = try section.bool("free_returns") ?? false
        }
        if let section = try root.table("payments") {
            try section.allowOnly(["provider", "stripe_api", "manual_instructions"])
            let name = try section.string("provider") ?? "test"
            guard let provider = Provider(rawValue: name) else {
                throw section.error(at: "provider", "provider must be \"test\", \"manual\" or \"stripe\", not \"\(name)\"")
            }
            payments.provider = provider
            payments.stripeAPI = try section.string("stripe_api") ?? payments.stripeAPI
            payments.manualInstructions = try section.string("manual_instructions") ?? payments.manualInstructions
        }
        for entry in try root.tables("shipping") {
            try entry.allowOnly(["id", "name", "countries", "rate", "free_from", "delivery"])
            let id = try entry.requiredString("id")
            guard Slug.isValid(id), !shipping.contains(where: { $0.id == id }) else {
                throw entry.error(at: "id", "shipping id \"\(id)\" must be unique, in lower case letters, digits and dashes")
            }
            shipping.append(
                ShippingMethod(
                    id: id, name: try entry.requiredString("name"), countries: try Self.countries(entry),
                    rate: try Self.money(entry, "rate", currency) ?? .zero(currency),
                    freeFrom: try Self.money(entry, "free_from", currency), delivery: try entry.string("delivery") ?? ""))
        }
        for entry in try root.tables("tax") {
            try entry.allowOnly(["name", "countries", "rate"])
            let text = try entry.requiredString("rate")
            guard let rate = Rate(percent: text) else {
                throw entry.error(at: "rate", "rate \"\(text)\" must be a percentage from 0 to 100 like \"23\" or \"13.5\"")
            }
            taxes.append(TaxRule(countries: try Self.countries(entry), rate: rate, name: try entry.string("name") ?? "Tax"))
        }
        for entry in try root.tables("codes") {
            try entry.allowOnly(["code", "percent", "amount", "minimum", "ends"])
            let code = try entry.requiredString("code")
            guard code.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") }),
                !codes.contains(where: { $0.code == code.uppercased() })
            else { throw entry.error(at: "code", "code \"\(code)\" must be unique, in letters, digits and dashes") }
            let kind: DiscountCode.Kind
            switch (try entry.string("percent"), try Self.money(entry, "amount", currency)) {
            case (let percent?, nil):
                guard let rate = Rate(percent: percent) else { throw entry.error(at: "percent", "percent must be like \"10\" or \"12.5\"") }
                kind = .percent(rate)
            case (nil, let amount?): kind = .amount(amount)
            default: throw entry.error(at: "code", "code \"\(code)\" needs exactly one of percent = \"10\" or amount = \"5.00\"")
            }
            let ends = try entry.string("ends")
            if let ends, !Self.isDate(ends) { throw entry.error(at: "ends", "ends must be a date like \"2026-12-31\"") }
            codes.append(DiscountCode(code: code, kind: kind, minimumSubtotal: try Self.money(entry, "minimum", currency), endsOn: ends))
        }
        for country in countries where ShippingMethod.available(shipping, to: country).isEmpty {
            throw root.error(at: "shipping", "no [[shipping]] method ships to \(country); add one, or one with countries = \"*\"")
        }
    }

    private static func countries(_ entry: TOMLReader) throws(SiteError) -> Countries {
        if entry.table["countries"]?.string == "*" { return .rest }
        guard let codes = try entry.strings("countries"), !codes.isEmpty, codes.allSatisfy(Countries.isCode) else {
            throw entry.error(at: "countries", "countries must be a list of country codes like [\"IE\", \"GB\"], or \"*\" for all others")
        }
        return .only(Set(codes))
    }

    private static func money(_ entry: TOMLReader, _ key: String, _ currency: Currency) throws(SiteError) -> Money? {
        guard let text = try entry.string(key) else { return nil }
        do {
            return try Money(parsing: text, in: currency)
        } catch {
            throw entry.error(at: key, "\(key) \"\(text)\" must be an amount like \"4.95\": \(error)")
        }
    }

    private static func isDate(_ text: String) -> Bool {
        let parts = text.split(separator: "-")
        return text.count == 10 && parts.count == 3 && parts.allSatisfy { $0.allSatisfy(\.isNumber) }
    }
}

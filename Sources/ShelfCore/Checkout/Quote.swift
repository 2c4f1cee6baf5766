/// Every amount of an order, computed from the catalogue's prices, the shipping method, the tax
/// rule and the code — never from anything the shopper sent. What the summary shows is what
/// gets charged.
///
/// ```swift
/// let quote = Quote(lines: lines, shipping: standard, tax: irishVAT, mode: .inclusive, code: welcome)
/// quote.total   // what the payment provider is asked for
/// ```
public struct Quote: Hashable, Sendable {
    public let subtotal: Money
    public let discount: Money
    public let shipping: Money
    /// The tax in `total`: included in it (inclusive prices) or added to it (exclusive).
    public let tax: Money
    public let taxRate: Rate
    public let mode: TaxMode
    public let total: Money

    /// One priced line: the catalogue's unit price and the quantity.
    public struct Line: Hashable, Sendable {
        public var unitPrice: Money
        public var quantity: Int

        public init(unitPrice: Money, quantity: Int) {
            self.unitPrice = unitPrice
            self.quantity = quantity
        }
    }

    /// Prices `lines` (at least one, all in one currency) with a `shelf.toml` code.
    public init(lines: [Line], shipping method: ShippingMethod?, tax rule: TaxRule?, mode: TaxMode, code: DiscountCode?) {
        precondition(!lines.isEmpty, "an order has lines")
        let discountLines = lines.map { DiscountLine(productHandle: "", unitPrice: $0.unitPrice, quantity: $0.quantity) }
        let outcome = DiscountOutcome(rules: code.map { [DiscountRule($0)] } ?? [], lines: discountLines)
        self.init(lines: lines, shipping: method, tax: rule, mode: mode, discounts: outcome)
    }

    /// Prices `lines` (at least one, all in one currency) less `discounts`. Shipping is free from
    /// its threshold on the discounted subtotal, or when a discount says so; shipping is taxed at
    /// the order's rate, as EU VAT does.
    public init(lines: [Line], shipping method: ShippingMethod?, tax rule: TaxRule?, mode: TaxMode, discounts: DiscountOutcome) {
        precondition(!lines.isEmpty, "an order has lines")
        let currency = lines[0].unitPrice.currency
        subtotal = lines.reduce(.zero(currency)) { $0 + $1.unitPrice * $1.quantity }
        discount = min(discounts.total, subtotal)
        let discounted = subtotal - discount
        shipping = discounts.freeShipping ? .zero(currency) : method?.price(for: discounted) ?? .zero(currency)
        let taxable = discounted + shipping
        taxRate = rule?.rate ?? Rate(basisPoints: 0)
        self.mode = mode
        switch mode {
        case .inclusive:
            tax = taxRate.includedIn(taxable)
            total = taxable
        case .exclusive:
            tax = taxRate.of(taxable)
            total = taxable + tax
        }
    }
}

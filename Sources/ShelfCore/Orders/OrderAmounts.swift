/// The amounts of an order as its checkout priced them: what the summary showed and what the
/// provider is asked for.
///
/// ```swift
/// let amounts = OrderAmounts(quote, discountCode: "WELCOME10")
/// ```
public struct OrderAmounts: Hashable, Sendable {
    public var subtotal: Money
    public var discount: Money
    /// The code that gave the discount; nil when none.
    public var discountCode: String?
    public var shipping: Money
    /// The tax in `total`: included in it (inclusive prices) or added to it (exclusive).
    public var tax: Money
    public var taxRate: Rate
    public var taxMode: TaxMode
    public var total: Money

    public init(
        subtotal: Money, discount: Money, discountCode: String? = nil, shipping: Money, tax: Money, taxRate: Rate,
        taxMode: TaxMode, total: Money
    ) {
        self.subtotal = subtotal
        self.discount = discount
        self.discountCode = discountCode
        self.shipping = shipping
        self.tax = tax
        self.taxRate = taxRate
        self.taxMode = taxMode
        self.total = total
    }

    /// The amounts of `quote`, with the code that gave its discount.
    public init(_ quote: Quote, discountCode: String?) {
        self.init(
            subtotal: quote.subtotal, discount: quote.discount, discountCode: discountCode, shipping: quote.shipping, tax: quote.tax,
            taxRate: quote.taxRate, taxMode: quote.mode, total: quote.total)
    }

    public var currency: Currency { total.currency }

    /// What is wrong with these amounts, or nil when they add up: one currency, nothing
    /// negative, a discount no larger than the subtotal, and
    /// `total = subtotal − discount + shipping (+ tax when prices exclude it)`, as ``Quote`` computes.
    public var problem: String? {
        let amounts = [subtotal, discount, shipping, tax, total]
        guard amounts.allSatisfy({ $0.currency == currency }) else { return "the amounts are in more than one currency" }
        guard amounts.allSatisfy({ $0.minorUnits >= 0 }) else { return "an amount is negative" }
        guard discount <= subtotal else { return "the discount \(discount) is more than the subtotal \(subtotal)" }
        let expected = subtotal - discount + shipping + (taxMode == .exclusive ? tax : .zero(currency))
        guard total == expected else { return "the total \(total) should be \(expected)" }
        return nil
    }
}

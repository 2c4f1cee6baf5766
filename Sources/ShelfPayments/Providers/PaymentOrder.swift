public import ShelfCore

/// What a provider needs to know of an order to take its payment: the amounts exactly as the
/// checkout computed and stored them.
public struct PaymentOrder: Sendable {
    /// Our reference, shown to shoppers and sent as `client_reference_id` (`EV-1042`).
    public var number: String
    public var email: String
    public var lines: [Line]
    public var shippingName: String
    public var shipping: Money
    /// The discount, already in `total`; zero when none.
    public var discount: Money
    public var discountCode: String?
    /// Tax added on top of the prices (tax-exclusive stores); zero when prices include it.
    public var addedTax: Money
    public var taxName: String
    public var total: Money
    /// When the order's stock reservation ends: the payment page must close by then.
    public var expiresAt: Int64

    public struct Line: Sendable {
        public var name: String
        public var unitPrice: Money
        public var quantity: Int

        public init(name: String, unitPrice: Money, quantity: Int) {
            self.name = name
            self.unitPrice = unitPrice
            self.quantity = quantity
        }
    }

    public init(
        number: String, email: String, lines: [Line], shippingName: String, shipping: Money, discount: Money,
        discountCode: String?, addedTax: Money, taxName: String, total: Money, expiresAt: Int64
    ) {
        self.number = number
        self.email = email
        self.lines = lines
        self.shippingName = shippingName
        self.shipping = shipping
        self.discount = discount
        self.discountCode = discountCode
        self.addedTax = addedTax
        self.taxName = taxName
        self.total = total
        self.expiresAt = expiresAt
    }

    public var currency: Currency { total.currency }
}

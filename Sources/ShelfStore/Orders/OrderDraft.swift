public import ShelfCore

/// An order as the checkout priced it, for ``Store/placeOrder(_:now:holdFor:)`` to check against
/// the catalogue and place.
///
/// The checkout computes every amount on the server (``OrderAmounts``, from a ``Quote``); the
/// store re-reads each variant's price and refuses the draft when one differs.
public struct OrderDraft: Hashable, Sendable {
    public var lines: [Line]
    /// The shopper's contact and shipping address, already checked.
    public var address: Address
    /// The shipping method's id in the settings (`standard`) and the name the shopper saw.
    public var shippingMethodID: String
    public var shippingName: String
    public var amounts: OrderAmounts
    /// The payment provider's name (`stripe`, `test`, ``Order/manualProvider``).
    public var provider: String
    /// The shopper's session, when the order came from a cart.
    public var sessionID: Int64?
    /// The campaign discounts in `amounts.discount`, each checked against its window and limits
    /// when the order is placed.
    public var discounts: [UsedDiscount]

    public init(
        lines: [Line], address: Address, shippingMethodID: String, shippingName: String, amounts: OrderAmounts, provider: String,
        sessionID: Int64? = nil, discounts: [UsedDiscount] = []
    ) {
        self.discounts = discounts
        self.lines = lines
        self.address = address
        self.shippingMethodID = shippingMethodID
        self.shippingName = shippingName
        self.amounts = amounts
        self.provider = provider
        self.sessionID = sessionID
    }

    /// One line: `quantity` units of `sku` at the `unitPrice` the order was priced with, with
    /// the title and options the shopper saw.
    public struct Line: Hashable, Sendable {
        public var sku: String
        public var quantity: Int
        public var unitPrice: Money
        public var title: String
        /// The variant's options as shown (`Colour: Forest · Size: M`); empty when it has none.
        public var options: String

        public init(sku: String, quantity: Int, unitPrice: Money, title: String, options: String = "") {
            self.sku = sku
            self.quantity = quantity
            self.unitPrice = unitPrice
            self.title = title
            self.options = options
        }

        /// A cart line as it stands: the variant's current price, title and options.
        public init(_ line: CartLine) {
            self.init(
                sku: line.variant.sku, quantity: line.quantity, unitPrice: line.variant.price, title: line.variant.productTitle,
                options: line.variant.options.map { "\($0.name): \($0.value)" }.joined(separator: " · "))
        }

        public var lineTotal: Money { unitPrice * quantity }
    }

    /// What makes the draft impossible to place as it is, or nil: no lines, a SKU twice, a
    /// quantity below 1, or amounts that do not add up to the lines.
    var problem: String? {
        guard !lines.isEmpty else { return "an order has at least one line" }
        var skus: Set<String> = []
        for line in lines {
            guard skus.insert(line.sku).inserted else { return "\(line.sku) is on more than one line" }
            guard line.quantity > 0 else { return "the quantity of \(line.sku) is \(line.quantity); it must be 1 or more" }
            guard line.unitPrice.currency == amounts.currency else { return "\(line.sku) is priced in \(line.unitPrice.currency)" }
        }
        if let problem = amounts.problem { return problem }
        let subtotal = lines.reduce(.zero(amounts.currency)) { $0 + $1.lineTotal }
        guard subtotal == amounts.subtotal else { return "the lines add up to \(subtotal), not the subtotal \(amounts.subtotal)" }
        return nil
    }
}

/// One discount of a campaign: what it takes off, on which products, and when it may be used.
///
/// ```swift
/// let rule = DiscountRule(campaign: "winter", off: .percent(Rate(basisPoints: 2000)), scope: .products(["crew"]))
/// rule.amount(on: lines)   // 20% of each covered line, rounded per line
/// ```
public struct DiscountRule: Hashable, Sendable {
    /// The campaign's handle; empty for a code from `shelf.toml`.
    public var campaign: String
    /// The rule's place in its campaign's list, from 1.
    public var position: Int
    public var off: Off
    public var scope: Scope
    /// Shipping costs nothing when the rule applies.
    public var freeShipping: Bool
    /// The cart subtotal, before any discount, the rule needs.
    public var minimumSubtotal: Money?
    /// Upper case; nil for an automatic discount that needs no code.
    public var code: String?
    /// How many orders may use it in all; nil for no limit.
    public var limit: Int?
    /// How many orders one customer email may use it for; nil for no limit.
    public var limitPerCustomer: Int?
    /// True when it applies on top of the best single discount instead of competing with it.
    public var combines: Bool
    public var window: CampaignWindow

    /// What a rule takes off the covered lines.
    public enum Off: Hashable, Sendable {
        case percent(Rate)
        /// A fixed amount off the covered lines together, never more than they cost.
        case amount(Money)
        /// Nothing off the goods (a free-shipping-only rule).
        case nothing
    }

    /// The products a rule covers, as product handles resolved when the store is built.
    public enum Scope: Hashable, Sendable {
        case everything
        case products(Set<String>)

        public func covers(_ productHandle: String) -> Bool {
            switch self {
            case .everything: true
            case .products(let handles): handles.contains(productHandle)
            }
        }
    }

    public init(
        campaign: String, position: Int = 1, off: Off, scope: Scope = .everything, freeShipping: Bool = false,
        minimumSubtotal: Money? = nil, code: String? = nil, limit: Int? = nil, limitPerCustomer: Int? = nil,
        combines: Bool = false, window: CampaignWindow = CampaignWindow()
    ) {
        self.campaign = campaign
        self.position = position
        self.off = off
        self.scope = scope
        self.freeShipping = freeShipping
        self.minimumSubtotal = minimumSubtotal
        self.code = code?.uppercased()
        self.limit = limit
        self.limitPerCustomer = limitPerCustomer
        self.combines = combines
        self.window = window
    }

    /// A `[[codes]]` entry of `shelf.toml` as a rule: on everything, competing with the others,
    /// until the end (UTC) of its last day.
    public init(_ code: DiscountCode) {
        let off: Off =
            switch code.kind {
            case .percent(let rate): .percent(rate)
            case .amount(let amount): .amount(amount)
            }
        let ends = code.endsOn.flatMap { Timestamp.seconds(parsing: $0 + "T00:00:00Z") }.map { $0 + 86_400 }
        self.init(
            campaign: "", off: off, minimumSubtotal: code.minimumSubtotal, code: code.code, window: CampaignWindow(ends: ends))
    }

    /// True for a rule that applies without a code.
    public var isAutomatic: Bool { code == nil }

    /// A percent or fixed amount off on some products without a code: what a product page can
    /// show as a sale price.
    public var isSalePrice: Bool {
        guard isAutomatic, minimumSubtotal == nil, limit == nil, limitPerCustomer == nil else { return false }
        if case .nothing = off { return false }
        return true
    }
}

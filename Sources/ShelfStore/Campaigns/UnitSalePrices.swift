public import ShelfCore

/// What the cart charges for one unit at a moment, for lists of products priced outside the
/// built pages (search results): the automatic percent campaigns the cart takes off each unit
/// (the running ones, and the ended ones the published pages still show), applied by the
/// cart's own ``DiscountOutcome``.
///
/// ```swift
/// let sales = try UnitSalePrices(store: store, now: now, currency: eur)
/// sales.price(of: .euros(2500), product: "tee")   // €20.00 during a 20% sale, nil otherwise
/// ```
public struct UnitSalePrices: Sendable {
    private let rules: [DiscountRule]

    /// The sale-price rules the cart uses at `now`.
    public init(store: Store, now: Int64, currency: Currency) throws {
        rules = try store.runningDiscounts(at: now, code: nil, currency: currency).map(\.rule).filter { rule in
            guard rule.isSalePrice, case .percent = rule.off else { return false }
            return true
        }
    }

    /// The price the cart charges for one unit of `product` listed at `price`; nil when no
    /// sale covers it.
    public func price(of price: Money, product: String) -> Money? {
        guard rules.contains(where: { $0.scope.covers(product) }) else { return nil }
        let line = DiscountLine(productHandle: product, unitPrice: price, quantity: 1)
        let off = DiscountOutcome(rules: rules, lines: [line]).total
        return off.minorUnits > 0 ? price - off : nil
    }
}

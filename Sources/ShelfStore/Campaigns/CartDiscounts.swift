public import ShelfCore

/// The discounts a cart gets at a moment, and what each took off with which stored rule: what
/// the cart shows, the checkout charges and the order records.
///
/// ```swift
/// let discounts = try CartDiscounts(lines, store: store, code: draft.code, configCode: code, now: now, currency: eur)
/// discounts.outcome.total   // the cart's discount line
/// ```
public struct CartDiscounts: Sendable {
    public let outcome: DiscountOutcome
    /// The rules used, as the order records them.
    public let used: [UsedDiscount]
    /// What the shopper sees for each rule used: its code, or its campaign's title.
    public let labels: [String]

    /// The automatic campaign discounts running at `now`, the campaign rule of `code` when one
    /// has it, and `configCode` (a `shelf.toml` code already checked), competing and combining
    /// as ``DiscountOutcome`` says. No lines, no discount.
    public init(
        _ lines: [CartLine], store: Store, code: String?, configCode: DiscountCode?, now: Int64, currency: Currency
    ) throws {
        guard !lines.isEmpty else {
            self = .none(currency)
            return
        }
        let stored = try store.runningDiscounts(at: now, code: code?.uppercased(), currency: currency)
        let found = Dictionary(stored.map { (Self.key($0.rule), $0) }) { first, _ in first }
        let rules = stored.map(\.rule) + (configCode.map { [DiscountRule($0)] } ?? [])
        let discountLines = lines.map {
            DiscountLine(productHandle: $0.variant.productHandle, unitPrice: $0.variant.price, quantity: $0.quantity)
        }
        outcome = DiscountOutcome(rules: rules, lines: discountLines)
        labels = outcome.applied.map { $0.rule.code ?? found[Self.key($0.rule)]?.title ?? "" }
        used = outcome.applied.map { applied in
            UsedDiscount(
                ruleID: found[Self.key(applied.rule)]?.id, campaign: applied.rule.campaign.isEmpty ? nil : applied.rule.campaign,
                code: applied.rule.code, amount: applied.amount)
        }
    }

    /// No discount.
    public static func none(_ currency: Currency) -> CartDiscounts { CartDiscounts(outcome: .none(currency), used: [], labels: []) }

    private init(outcome: DiscountOutcome, used: [UsedDiscount], labels: [String]) {
        self.outcome = outcome
        self.used = used
        self.labels = labels
    }

    /// The code among the discounts used, for the order's `discount_code`.
    public var code: String? { used.compactMap(\.code).first }

    private static func key(_ rule: DiscountRule) -> String { "\(rule.campaign)#\(rule.position)" }
}

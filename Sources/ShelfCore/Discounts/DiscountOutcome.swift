/// The discounts a cart gets: each rule used with what it took off, their sum and whether
/// shipping is free.
///
/// Rules compete: the one taking off the most wins (free shipping breaks a tie) and the others
/// are dropped, unless a rule `combines`, which then applies on top of the winner. They apply in
/// this order: the winner, then combining percentages, then combining amounts, each on what the
/// lines cost after the ones before, so the total never exceeds the subtotal. Percentages round
/// half up per line, in minor units: on a line no rule touched yet, as the unit's discount times
/// the quantity (what a sale price on a page promises); an amount off is shared over the lines it
/// covers in proportion to what they still cost.
///
/// ```swift
/// let outcome = DiscountOutcome(rules: running, lines: lines)
/// outcome.total          // what the cart shows as its discount line
/// outcome.freeShipping   // true when a used rule gives it
/// ```
public struct DiscountOutcome: Hashable, Sendable {
    /// A rule used, with what it took off.
    public struct Applied: Hashable, Sendable {
        public var rule: DiscountRule
        public var amount: Money
    }

    public let applied: [Applied]
    public let total: Money
    public let freeShipping: Bool

    /// The best outcome of `rules` on `lines` (at least one line, one currency). Rules whose
    /// minimum subtotal the lines miss, or which cover none of them, are left out.
    public init(rules: [DiscountRule], lines: [DiscountLine]) {
        precondition(!lines.isEmpty, "discounts need lines")
        let currency = lines[0].unitPrice.currency
        let subtotal = lines.reduce(Money.zero(currency)) { $0 + $1.total }
        let eligible = rules.filter { rule in
            if let minimum = rule.minimumSubtotal, subtotal < minimum { return false }
            return lines.contains { rule.scope.covers($0.productHandle) }
        }
        let full = lines.map(\.total.minorUnits)
        let single = eligible.filter { !$0.combines }.map { ($0, Self.cut($0, lines, remaining: full).reduce(0, +)) }
            .max { a, b in (a.1, a.0.freeShipping ? 1 : 0, b.0.sortKey) < (b.1, b.0.freeShipping ? 1 : 0, a.0.sortKey) }?.0
        let stacking = eligible.filter(\.combines).sorted { a, b in
            (a.isPercent ? 0 : 1, a.sortKey) < (b.isPercent ? 0 : 1, b.sortKey)
        }
        var remaining = full
        var applied: [Applied] = []
        for rule in (single.map { [$0] } ?? []) + stacking {
            let cut = Self.cut(rule, lines, remaining: remaining)
            for index in remaining.indices { remaining[index] -= cut[index] }
            applied.append(Applied(rule: rule, amount: Money(minorUnits: cut.reduce(0, +), currency: currency)))
        }
        self.applied = applied
        self.total = applied.reduce(.zero(currency)) { $0 + $1.amount }
        self.freeShipping = applied.contains { $0.rule.freeShipping }
    }

    /// No discount.
    public static func none(_ currency: Currency) -> DiscountOutcome {
        DiscountOutcome(applied: [], total: .zero(currency), freeShipping: false)
    }

    private init(applied: [Applied], total: Money, freeShipping: Bool) {
        self.applied = applied
        self.total = total
        self.freeShipping = freeShipping
    }

    /// What `rule` takes off each line, given what each line still costs.
    private static func cut(_ rule: DiscountRule, _ lines: [DiscountLine], remaining: [Int64]) -> [Int64] {
        let covered = lines.indices.filter { rule.scope.covers(lines[$0].productHandle) }
        var cut = Array(repeating: Int64(0), count: lines.count)
        switch rule.off {
        case .nothing:
            break
        case .percent(let rate):
            for index in covered {
                let line = lines[index]
                // On an untouched line the cut is the unit's, rounded, times the quantity: exactly
                // the sale price a product page shows. After another rule, it is the rest's.
                let share =
                    remaining[index] == line.total.minorUnits
                    ? rate.of(line.unitPrice).minorUnits * Int64(line.quantity)
                    : rate.of(Money(minorUnits: remaining[index], currency: line.unitPrice.currency)).minorUnits
                cut[index] = min(share, remaining[index])
            }
        case .amount(let amount):
            let base = covered.reduce(Int64(0)) { $0 + remaining[$1] }
            var left = min(amount.minorUnits, base)
            guard base > 0 else { break }
            let total = left
            for index in covered {
                cut[index] = total * remaining[index] / base
                left -= cut[index]
            }
            // What the proportional shares rounded down goes to the first lines with room.
            for index in covered where left > 0 {
                let extra = min(left, remaining[index] - cut[index])
                cut[index] += extra
                left -= extra
            }
        }
        return cut
    }
}

extension DiscountRule {
    fileprivate var isPercent: Bool {
        if case .percent = off { return true }
        return false
    }

    /// Campaign then position, for a stable order between equal rules.
    fileprivate var sortKey: String { "\(campaign)#\(String(position + 100_000))" }
}

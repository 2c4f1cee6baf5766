public import ShelfCore

extension Store {
    /// The code the shopper typed, as it will be kept (upper case), when it works for `lines`
    /// at `now`: a `shelf.toml` code (`configCodes`), or a campaign's that is running, not used
    /// up, and covers something in the cart with its minimum met. Throws ``DiscountError`` with
    /// the reason otherwise; the per-customer limit waits for the order's email.
    public func acceptCode(
        _ typed: String, configCodes: [DiscountCode], lines: [CartLine], now: Int64, currency: Currency
    ) throws -> String {
        let wanted = typed.trimmingSpaces.uppercased()
        let subtotal = lines.reduce(Money.zero(currency)) { $0 + $1.lineTotal }
        if configCodes.contains(where: { $0.code == wanted }) {
            return try DiscountCode.find(wanted, in: configCodes, subtotal: subtotal, today: CalendarDay.of(now)).code
        }
        guard let stored = try discount(code: wanted, currency: currency) else { throw DiscountError.unknown(wanted) }
        let rule = stored.rule
        switch rule.window.status(at: now) {
        case .scheduled: throw DiscountError.notStarted(wanted)
        case .ended: throw DiscountError.expired(wanted, endedOn: CalendarDay.of((rule.window.ends ?? now) - 1))
        case .running: break
        }
        if let limit = rule.limit, try uses(ofDiscount: stored.id) >= limit { throw DiscountError.usedUp(wanted) }
        if let minimum = rule.minimumSubtotal, subtotal < minimum { throw DiscountError.belowMinimum(wanted, minimum: minimum) }
        guard lines.contains(where: { rule.scope.covers($0.variant.productHandle) }) else { throw DiscountError.notForCart(wanted) }
        return wanted
    }
}

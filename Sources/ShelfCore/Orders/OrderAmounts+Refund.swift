extension OrderAmounts {
    /// What to give back for goods worth `value` at the order's unit prices that will not ship:
    /// their value less their share of the discount, plus the tax on that when prices exclude
    /// it, each rounded half up; never more than the order's total. Shipping is not included:
    /// the rest of the order still ships.
    ///
    /// ```swift
    /// let refund = order.amounts.refund(forGoodsWorth: line.unitPrice * missing)
    /// ```
    public func refund(forGoodsWorth value: Money) -> Money {
        precondition(value.currency == currency, "the goods are priced in the order's currency")
        guard value.minorUnits > 0, subtotal.minorUnits > 0 else { return .zero(currency) }
        let goods = min(value.minorUnits, subtotal.minorUnits)
        let discountShare = Rate.divideRounding(discount.minorUnits * goods, by: subtotal.minorUnits)
        let net = Money(minorUnits: goods - discountShare, currency: currency)
        let refund = taxMode == .exclusive ? net + taxRate.of(net) : net
        return min(refund, total)
    }
}

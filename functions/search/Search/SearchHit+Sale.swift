import ShelfStore

extension SearchHit {
    /// The hit at the price the cart charges per unit right now, its catalogue price becoming
    /// the struck-through compare-at price, as the product page shows it during a sale.
    func priced(by sales: UnitSalePrices) -> SearchHit {
        guard let sale = sales.price(of: price, product: handle) else { return self }
        var hit = self
        hit.compareAt = max(compareAt ?? price, price)
        hit.price = sale
        return hit
    }
}

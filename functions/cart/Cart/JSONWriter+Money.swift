import ShelfCore

extension JSONWriter {
    /// An amount as the cart's JSON gives every amount: minor units, currency code and the text
    /// formatted in the store's locale.
    mutating func money(_ amount: Money, _ prices: PriceFormatter) {
        beginObject()
        key("amount")
        number(amount.minorUnits)
        key("currency")
        string(amount.currency.code)
        key("formatted")
        string(prices.string(amount))
        endObject()
    }
}

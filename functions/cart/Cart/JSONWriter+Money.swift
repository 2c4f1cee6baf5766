import ShelfCore

extension JSONWriter {
    /// An amount as the cart's JSON gives every amount: minor units, currency code and the text
    /// formatted in the store's locale, written into the buffer as it is formatted.
    mutating func money(_ amount: Money, _ prices: PriceFormatter) {
        beginObject()
        member("amount", amount.minorUnits)
        member("currency", amount.currency.code)
        key("formatted")
        string { prices.append(amount, to: &$0) }
        endObject()
    }
}

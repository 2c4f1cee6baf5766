/// How much a cart line may hold: what the shopper asks for, capped by the stock available and
/// by the store's limit per line.
///
/// ```swift
/// try CartRules.checkAdded(2)
/// let change = try CartRules.settle("TEE-M", requested: 3 + 2, available: 4, maxPerLine: 10)
/// // change.quantity == 4, change.limitedBy == .stock(available: 4)
/// ```
public enum CartRules {
    /// The largest quantity a request may name. Anything above is a typo or a forged form, so it
    /// is refused rather than capped, and line sums stay far from overflowing.
    public static let largestQuantity = 9_999

    /// The most different SKUs a cart holds unless the store's `[cart] max_lines` says otherwise.
    public static let defaultMaxLines = 50

    /// Checks the number of units a shopper adds to a line: at least 1, at most ``largestQuantity``.
    public static func checkAdded(_ quantity: Int) throws(CartError) {
        guard quantity > 0 else { throw .quantityNotPositive(quantity) }
        guard quantity <= largestQuantity else { throw .quantityTooLarge(quantity) }
    }

    /// Checks a quantity a shopper sets a line to: at least 0 (which removes the line), at most
    /// ``largestQuantity``.
    public static func checkSet(_ quantity: Int) throws(CartError) {
        guard quantity >= 0 else { throw .quantityNegative(quantity) }
        guard quantity <= largestQuantity else { throw .quantityTooLarge(quantity) }
    }

    /// The quantity a line of `sku` holds when the shopper asks for `requested` units, and why
    /// it holds less when it does.
    ///
    /// Throws ``CartError/soldOut(sku:)`` when nothing is available. When the stock and the
    /// limit per line cap at the same number, the limit per line is named: more stock would not
    /// give the shopper more.
    ///
    /// - Precondition: `requested` and `maxPerLine` are positive; `maxPerLine` is a setting,
    ///   checked when the settings are read.
    public static func settle(_ sku: String, requested: Int, available: Int, maxPerLine: Int) throws(CartError) -> CartChange {
        precondition(requested > 0, "a line must be asked to hold at least one unit")
        precondition(maxPerLine > 0, "the limit per line must be at least 1")
        guard available > 0 else { throw .soldOut(sku: sku) }
        let limit: CartChange.Limit? =
            if requested <= min(available, maxPerLine) {
                nil
            } else if available < maxPerLine {
                .stock(available: available)
            } else {
                .maxPerLine(maxPerLine)
            }
        return CartChange(sku: sku, requested: requested, quantity: min(requested, available, maxPerLine), limitedBy: limit)
    }
}

/// The variants of a ``SearchCatalogue``'s products as parallel arrays, product after product:
/// what a search's facets pass over for every product found, without following a pointer per
/// product or per variant.
struct SearchVariants {
    /// Product `p`'s variants are at `starts[p]..<starts[p + 1]`.
    var starts: [Int32] = [0]
    var prices: [Int64] = []
    var onSale: [Bool] = []
    /// Read live from `stock`: something can be bought now.
    var available: [Bool] = []
    /// How many options the catalogue has: the stride of ``values``.
    var optionCount = 0
    /// Each variant's value of every catalogue option, as an index into
    /// ``SearchCatalogue/values`` (-1 where its product has no such option): variant `v`'s
    /// value of option `o` is at `v * optionCount + o`.
    var values: [Int32] = []

    /// The variants of product `product`.
    func of(_ product: Int) -> Range<Int> { Int(starts[product])..<Int(starts[product + 1]) }
}

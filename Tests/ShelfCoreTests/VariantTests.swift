import ShelfCore
import ShelfTesting
import Testing

@Suite struct VariantTests {
    let euro = Currency.euro

    @Test func onSaleOnlyWhenTheFormerPriceIsHigher() {
        let price = Money(minorUnits: 2900, currency: euro)
        #expect(Variant(sku: "A", price: price, compareAtPrice: Money(minorUnits: 3900, currency: euro)).isOnSale)
        #expect(!Variant(sku: "A", price: price, compareAtPrice: price).isOnSale)
        #expect(!Variant(sku: "A", price: price).isOnSale)
    }

    @Test func lowestPriceIsTheCheapestVariant() {
        let product = Product(
            handle: "tee", title: "Tee",
            variants: [
                Variant(sku: "A", price: Money(minorUnits: 3100, currency: euro)),
                Variant(sku: "B", price: Money(minorUnits: 2900, currency: euro)),
            ])
        #expect(product.lowestPrice?.minorUnits == 2900)
    }
}

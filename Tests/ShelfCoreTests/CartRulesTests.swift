import ShelfCore
import Testing

@Suite struct CartRulesTests {
    @Test func requestWithinStockAndLimitIsGranted() throws {
        let change = try CartRules.settle("TEE-M", requested: 3, available: 5, maxPerLine: 10)
        #expect(change == CartChange(sku: "TEE-M", requested: 3, quantity: 3))
    }

    @Test func requestForExactlyWhatIsLeftIsGranted() throws {
        #expect(try CartRules.settle("TEE-M", requested: 5, available: 5, maxPerLine: 10).limitedBy == nil)
    }

    @Test func requestAboveStockIsCappedAtStock() throws {
        let change = try CartRules.settle("TEE-M", requested: 5, available: 3, maxPerLine: 10)
        #expect(change == CartChange(sku: "TEE-M", requested: 5, quantity: 3, limitedBy: .stock(available: 3)))
    }

    @Test func requestAboveTheLimitPerLineIsCappedAtTheLimit() throws {
        let change = try CartRules.settle("TEE-M", requested: 12, available: 50, maxPerLine: 10)
        #expect(change == CartChange(sku: "TEE-M", requested: 12, quantity: 10, limitedBy: .maxPerLine(10)))
    }

    @Test func limitPerLineIsNamedWhenItEqualsTheStock() throws {
        let change = try CartRules.settle("TEE-M", requested: 12, available: 10, maxPerLine: 10)
        #expect(change.quantity == 10)
        #expect(change.limitedBy == .maxPerLine(10))
    }

    @Test func soldOutVariantCannotBeAdded() {
        #expect(throws: CartError.soldOut(sku: "TEE-M")) {
            try CartRules.settle("TEE-M", requested: 1, available: 0, maxPerLine: 10)
        }
    }

    @Test func addedQuantityMustBePositiveAndSane() throws {
        try CartRules.checkAdded(1)
        try CartRules.checkAdded(CartRules.largestQuantity)
        #expect(throws: CartError.quantityNotPositive(0)) { try CartRules.checkAdded(0) }
        #expect(throws: CartError.quantityNotPositive(-2)) { try CartRules.checkAdded(-2) }
        #expect(throws: CartError.quantityTooLarge(10_000)) { try CartRules.checkAdded(10_000) }
        #expect(throws: CartError.quantityTooLarge(Int.max)) { try CartRules.checkAdded(Int.max) }
    }

    @Test func setQuantityMayBeZeroButNotNegative() throws {
        try CartRules.checkSet(0)
        try CartRules.checkSet(CartRules.largestQuantity)
        #expect(throws: CartError.quantityNegative(-1)) { try CartRules.checkSet(-1) }
        #expect(throws: CartError.quantityTooLarge(10_000)) { try CartRules.checkSet(10_000) }
    }

    @Test func errorsReadForAShopperWithoutTheSKU() {
        let errors: [CartError] = [
            .unknownItem(sku: "TEE-M"), .unavailable(sku: "TEE-M"), .soldOut(sku: "TEE-M"), .quantityNotPositive(0),
            .quantityNegative(-1), .quantityTooLarge(10_000), .sessionExpired,
        ]
        for error in errors {
            #expect(!error.description.contains("TEE-M"))
            #expect(error.description.hasSuffix("."))
        }
        #expect(CartError.soldOut(sku: "TEE-M").description == "Sorry, this item is sold out.")
        #expect(CartError.quantityTooLarge(10_000).description == "Choose a quantity of at most 9999.")
    }
}

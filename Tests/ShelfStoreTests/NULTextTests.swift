import ShelfStore
import ShelfTesting
import Testing

/// A text value with a NUL character is refused on both engines, never cut short at the NUL:
/// libpq reads a value up to its first NUL, so on PostgreSQL "TEE-M\0X" would have been "TEE-M".
struct NULTextTests {
    @Test func aSKUWithANULNeverReachesTheSKUBeforeIt() throws {
        try withStockedTees(["TEE-M": 5]) { store in
            #expect(throws: (any Error).self) { try store.setStock("TEE-M\u{0}X", to: 3) }
            #expect(throws: (any Error).self) { try store.adjustStock("TEE-M\u{0}X", by: 1) }
            let levels = try store.allStockLevels()
            #expect(levels["TEE-M"] == 5, "the stock of TEE-M is untouched")
        }
    }
}

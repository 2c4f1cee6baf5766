import ShelfCore
import ShelfTesting
import Testing

@testable import ShelfStore

struct CartTests {
    static let now: Int64 = 1_700_000_000
    static let catalogue: [Product] = [.sampleInColours("tee"), .sample("mug", skus: ["MUG"], price: 1200)]

    /// A store selling `catalogue` with 5 of every SKU, and a session a day long.
    func withCart(_ body: (Store, Session) throws -> Void) throws {
        try withTemporaryStore { store in
            try store.syncCatalogue(Self.catalogue, categories: [])
            try store.importStock(
                Self.catalogue.flatMap(\.variants).map { StockImport(sku: $0.sku, quantity: 5, file: "test", line: 1) })
            try body(store, try store.createSession(tokenHash: sampleTokenHash(1), now: Self.now, lifetime: 86_400))
        }
    }

    @Test func addingCreatesALine() throws {
        try withCart { store, session in
            let change = try store.addToCart("TEE-FOREST-M", quantity: 2, in: session, now: Self.now, maxPerLine: 10)
            #expect(change == CartChange(sku: "TEE-FOREST-M", requested: 2, quantity: 2))
            #expect(try store.cartLines(in: session).map { "\($0.variant.sku) \($0.quantity)" } == ["TEE-FOREST-M 2"])
        }
    }

    @Test func addingToAnExistingLineAddsUp() throws {
        try withCart { store, session in
            try store.addToCart("MUG", quantity: 1, in: session, now: Self.now, maxPerLine: 10)
            let change = try store.addToCart("MUG", quantity: 2, in: session, now: Self.now + 5, maxPerLine: 10)
            #expect(change == CartChange(sku: "MUG", requested: 3, quantity: 3))
            #expect(try store.cartLines(in: session).map(\.quantity) == [3])
        }
    }

    @Test func addIsCappedAtTheStock() throws {
        try withCart { store, session in
            try store.setStock("MUG", to: 3)
            try store.addToCart("MUG", quantity: 2, in: session, now: Self.now, maxPerLine: 10)
            let change = try store.addToCart("MUG", quantity: 2, in: session, now: Self.now, maxPerLine: 10)
            #expect(change == CartChange(sku: "MUG", requested: 4, quantity: 3, limitedBy: .stock(available: 3)))
            #expect(try store.cartLines(in: session).map(\.quantity) == [3])
        }
    }

    @Test func addIsCappedAtTheLimitPerLine() throws {
        try withCart { store, session in
            let change = try store.addToCart("MUG", quantity: 4, in: session, now: Self.now, maxPerLine: 2)
            #expect(change == CartChange(sku: "MUG", requested: 4, quantity: 2, limitedBy: .maxPerLine(2)))
            #expect(try store.cartLines(in: session).map(\.quantity) == [2])
        }
    }

    @Test func soldOutVariantCannotBeAdded() throws {
        try withCart { store, session in
            try store.setStock("MUG", to: 0)
            #expect(throws: CartError.soldOut(sku: "MUG")) {
                try store.addToCart("MUG", quantity: 1, in: session, now: Self.now, maxPerLine: 10)
            }
            #expect(try store.cartLines(in: session).isEmpty)
        }
    }

    @Test func unpublishedProductCannotBeAdded() throws {
        try withCart { store, session in
            try store.syncCatalogue([.sampleInColours("tee")], categories: [])
            #expect(throws: CartError.unavailable(sku: "MUG")) {
                try store.addToCart("MUG", quantity: 1, in: session, now: Self.now, maxPerLine: 10)
            }
        }
    }

    @Test func removedVariantCannotBeAdded() throws {
        try withCart { store, session in
            try store.syncCatalogue([.sampleInColours("tee", colours: ["Forest"]), .sample("mug", skus: ["MUG"])], categories: [])
            #expect(throws: CartError.unavailable(sku: "TEE-SAND-M")) {
                try store.addToCart("TEE-SAND-M", quantity: 1, in: session, now: Self.now, maxPerLine: 10)
            }
        }
    }

    @Test func unknownSKUIsRefused() throws {
        try withCart { store, session in
            let error = #expect(throws: CartError.self) {
                try store.addToCart("NOPE", quantity: 1, in: session, now: Self.now, maxPerLine: 10)
            }
            #expect(error == .unknownItem(sku: "NOPE"))
            #expect(error?.description == "We could not find this item. It may have been removed from the shop.")
        }
    }

    @Test func quantityToAddMustBePositiveAndSane() throws {
        try withCart { store, session in
            #expect(throws: CartError.quantityNotPositive(0)) {
                try store.addToCart("MUG", quantity: 0, in: session, now: Self.now, maxPerLine: 10)
            }
            #expect(throws: CartError.quantityNotPositive(-1)) {
                try store.addToCart("MUG", quantity: -1, in: session, now: Self.now, maxPerLine: 10)
            }
            #expect(throws: CartError.quantityTooLarge(10_000)) {
                try store.addToCart("MUG", quantity: 10_000, in: session, now: Self.now, maxPerLine: 10)
            }
            let lines = try store.cartLines(in: session)
            #expect(lines.isEmpty)
        }
    }

    @Test func expiredSessionTakesNoLines() throws {
        try withCart { store, session in
            #expect(throws: CartError.sessionExpired) {
                try store.addToCart("MUG", quantity: 1, in: session, now: session.expiresAt, maxPerLine: 10)
            }
            try store.deleteExpiredSessions(now: session.expiresAt)
            #expect(throws: CartError.sessionExpired) {
                try store.setCartQuantity("MUG", to: 1, in: session, now: Self.now, maxPerLine: 10)
            }
        }
    }

    @Test func settingAQuantityReplacesTheLine() throws {
        try withCart { store, session in
            try store.addToCart("MUG", quantity: 4, in: session, now: Self.now, maxPerLine: 10)
            let change = try store.setCartQuantity("MUG", to: 1, in: session, now: Self.now, maxPerLine: 10)
            #expect(change == CartChange(sku: "MUG", requested: 1, quantity: 1))
            #expect(try store.cartLines(in: session).map(\.quantity) == [1])
        }
    }

    @Test func settingAQuantityCreatesAMissingLine() throws {
        try withCart { store, session in
            try store.setCartQuantity("MUG", to: 2, in: session, now: Self.now, maxPerLine: 10)
            #expect(try store.cartLines(in: session).map(\.quantity) == [2])
        }
    }

    @Test func settingAQuantityIsCapped() throws {
        try withCart { store, session in
            let overStock = try store.setCartQuantity("MUG", to: 7, in: session, now: Self.now, maxPerLine: 10)
            #expect(overStock == CartChange(sku: "MUG", requested: 7, quantity: 5, limitedBy: .stock(available: 5)))
            let overLimit = try store.setCartQuantity("MUG", to: 4, in: session, now: Self.now, maxPerLine: 3)
            #expect(overLimit == CartChange(sku: "MUG", requested: 4, quantity: 3, limitedBy: .maxPerLine(3)))
            #expect(try store.cartLines(in: session).map(\.quantity) == [3])
        }
    }

    @Test func settingZeroRemovesTheLine() throws {
        try withCart { store, session in
            try store.addToCart("MUG", quantity: 2, in: session, now: Self.now, maxPerLine: 10)
            let change = try store.setCartQuantity("MUG", to: 0, in: session, now: Self.now, maxPerLine: 10)
            #expect(change == CartChange(sku: "MUG", requested: 0, quantity: 0))
            #expect(try store.cartLines(in: session).isEmpty)
        }
    }

    @Test func settingANegativeQuantityIsRefused() throws {
        try withCart { store, session in
            try store.addToCart("MUG", quantity: 2, in: session, now: Self.now, maxPerLine: 10)
            #expect(throws: CartError.quantityNegative(-1)) {
                try store.setCartQuantity("MUG", to: -1, in: session, now: Self.now, maxPerLine: 10)
            }
            #expect(try store.cartLines(in: session).map(\.quantity) == [2])
        }
    }

    @Test func removingSaysWhetherThereWasALine() throws {
        try withCart { store, session in
            try store.addToCart("MUG", quantity: 2, in: session, now: Self.now, maxPerLine: 10)
            #expect(try store.removeFromCart("MUG", in: session))
            #expect(try !store.removeFromCart("MUG", in: session))
            #expect(try store.cartLines(in: session).isEmpty)
        }
    }

    @Test func linesComeInTheOrderTheyWereAddedWithWhatTheCartShows() throws {
        try withCart { store, session in
            try store.addToCart("TEE-SAND-S", quantity: 1, in: session, now: Self.now + 20, maxPerLine: 10)
            try store.addToCart("MUG", quantity: 2, in: session, now: Self.now + 10, maxPerLine: 10)
            try store.addToCart("TEE-FOREST-M", quantity: 1, in: session, now: Self.now + 20, maxPerLine: 10)
            // Adding to a line keeps its place.
            try store.addToCart("MUG", quantity: 1, in: session, now: Self.now + 30, maxPerLine: 10)
            let lines = try store.cartLines(in: session)
            // The order of adding, whatever the clock said (it may step back, or tie).
            #expect(lines.map(\.variant.sku) == ["TEE-SAND-S", "MUG", "TEE-FOREST-M"])
            #expect(lines.map(\.quantity) == [1, 3, 1])
            let sand = lines[0].variant
            #expect(sand.productTitle == "Tee")
            #expect(sand.options == [VariantOption(name: "Colour", value: "Sand"), VariantOption(name: "Size", value: "S")])
            #expect(sand.image == SellableVariant.Image(src: "images/tee-sand.jpg", alt: "Tee in Sand"))
            #expect(sand.onHand == 5)
            #expect(lines[1].lineTotal == .euros(3600))
        }
    }

    @Test func linesArePricedFromTheLatestSync() throws {
        try withCart { store, session in
            try store.addToCart("MUG", quantity: 2, in: session, now: Self.now, maxPerLine: 10)
            var mug = Product.sample("mug", skus: ["MUG"], price: 1500)
            mug.title = "Big mug"
            try store.syncCatalogue([.sampleInColours("tee"), mug], categories: [])
            let line = try #require(try store.cartLines(in: session).first)
            #expect(line.variant.price == .euros(1500))
            #expect(line.variant.productTitle == "Big mug")
            #expect(line.lineTotal == .euros(3000))
        }
    }

    @Test func sessionsDoNotSeeEachOthersLines() throws {
        try withCart { store, session in
            let other = try store.createSession(tokenHash: sampleTokenHash(2), now: Self.now, lifetime: 86_400)
            try store.addToCart("MUG", quantity: 1, in: session, now: Self.now, maxPerLine: 10)
            try store.addToCart("MUG", quantity: 3, in: other, now: Self.now, maxPerLine: 10)
            try store.addToCart("TEE-SAND-S", quantity: 1, in: other, now: Self.now, maxPerLine: 10)
            try store.removeFromCart("TEE-SAND-S", in: session)
            #expect(try store.cartLines(in: session).map { "\($0.variant.sku) \($0.quantity)" } == ["MUG 1"])
            #expect(try store.cartLines(in: other).map { "\($0.variant.sku) \($0.quantity)" } == ["MUG 3", "TEE-SAND-S 1"])
        }
    }
}

import ShelfCore
import ShelfTesting
import Testing

@testable import ShelfStore

/// `sessionCart(tokenHash:now:)`, the one-query read of `cart.json`, answers what
/// `session(tokenHash:now:)`, `cartLines(in:)` and the code of `checkoutDraft(in:)` answer together.
struct SessionCartTests {
    static let now: Int64 = 1_700_000_000
    static let catalogue: [Product] = [.sampleInColours("tee"), .sample("mug", skus: ["MUG"], price: 1200)]

    func withSession(_ body: (Store, Session) throws -> Void) throws {
        try withTemporaryStore { store in
            try store.syncCatalogue(Self.catalogue, categories: [])
            try store.importStock(
                Self.catalogue.flatMap(\.variants).map { StockImport(sku: $0.sku, quantity: 5, file: "test", line: 1) })
            try body(store, try store.createSession(tokenHash: sampleTokenHash(1), now: Self.now, lifetime: 86_400))
        }
    }

    @Test func aSessionWithLinesGetsThemWithTheirOptionsInCartOrder() throws {
        try withSession { store, session in
            try store.addToCart("MUG", quantity: 2, in: session, now: Self.now, maxPerLine: 10)
            try store.addToCart("TEE-FOREST-M", quantity: 1, in: session, now: Self.now + 1, maxPerLine: 10)
            let cart = try #require(try store.sessionCart(tokenHash: sampleTokenHash(1), now: Self.now + 2))
            #expect(cart.session == session)
            #expect(cart.lines == (try store.cartLines(in: session)))
            #expect(cart.lines.map { "\($0.variant.sku) \($0.quantity)" } == ["MUG 2", "TEE-FOREST-M 1"])
            #expect(!cart.lines[1].variant.options.isEmpty)
        }
    }

    @Test func aSessionWithAnEmptyCartIsFoundWithNoLines() throws {
        try withSession { store, session in
            let cart = try #require(try store.sessionCart(tokenHash: sampleTokenHash(1), now: Self.now))
            #expect(cart.session == session)
            #expect(cart.lines.isEmpty)
        }
    }

    @Test func theCodeOfTheSessionsCheckoutComesWithItsCart() throws {
        try withSession { store, session in
            try store.addToCart("MUG", quantity: 1, in: session, now: Self.now, maxPerLine: 10)
            try store.addToCart("TEE-FOREST-M", quantity: 1, in: session, now: Self.now, maxPerLine: 10)
            #expect(try #require(try store.sessionCart(tokenHash: sampleTokenHash(1), now: Self.now)).checkoutCode == nil)
            var draft = CheckoutDraft()
            try store.saveCheckoutDraft(draft, in: session, now: Self.now)
            #expect(try #require(try store.sessionCart(tokenHash: sampleTokenHash(1), now: Self.now)).checkoutCode == nil)
            draft.code = "WELCOME10"
            try store.saveCheckoutDraft(draft, in: session, now: Self.now)
            // Another session's draft is not this one's.
            let other = try store.createSession(tokenHash: sampleTokenHash(2), now: Self.now, lifetime: 86_400)
            var otherDraft = CheckoutDraft()
            otherDraft.code = "OTHER"
            try store.saveCheckoutDraft(otherDraft, in: other, now: Self.now)
            let cart = try #require(try store.sessionCart(tokenHash: sampleTokenHash(1), now: Self.now))
            #expect(cart.checkoutCode == "WELCOME10")
            #expect(cart.checkoutCode == (try store.checkoutDraft(in: session))?.code)
            // The draft's row adds none: each line comes once.
            #expect(cart.lines.map(\.variant.sku) == ["MUG", "TEE-FOREST-M"])
            #expect(try #require(try store.sessionCart(tokenHash: sampleTokenHash(2), now: Self.now)).checkoutCode == "OTHER")
        }
    }

    @Test func anUnknownOrExpiredSessionIsNotFound() throws {
        try withSession { store, session in
            try store.addToCart("MUG", quantity: 1, in: session, now: Self.now, maxPerLine: 10)
            #expect(try store.sessionCart(tokenHash: sampleTokenHash(2), now: Self.now) == nil)
            #expect(try store.sessionCart(tokenHash: sampleTokenHash(1), now: session.expiresAt) == nil)
        }
    }

    @Test func anotherSessionsLinesAreNotIncluded() throws {
        try withSession { store, session in
            let other = try store.createSession(tokenHash: sampleTokenHash(2), now: Self.now, lifetime: 86_400)
            try store.addToCart("MUG", quantity: 1, in: other, now: Self.now, maxPerLine: 10)
            try store.addToCart("TEE-FOREST-M", quantity: 3, in: session, now: Self.now, maxPerLine: 10)
            let cart = try #require(try store.sessionCart(tokenHash: sampleTokenHash(1), now: Self.now))
            #expect(cart.lines.map { "\($0.variant.sku) \($0.quantity)" } == ["TEE-FOREST-M 3"])
        }
    }
}

import ShelfCore
import ShelfTesting
import Testing

@testable import ShelfStore

/// A cart change that settles its session in its own transaction: found, moved along, or
/// started, and nothing left behind when the change is refused.
struct SessionClaimTests {
    static let now: Int64 = 1_700_000_000
    static let day: Int64 = 86_400

    func withShop(_ body: (Store) throws -> Void) throws {
        try withTemporaryStore { store in
            try store.syncCatalogue([.sample("mug", skus: ["MUG", "JUG"], price: 1200)], categories: [])
            try store.importStock([
                StockImport(sku: "MUG", quantity: 5, file: "test", line: 1), StockImport(sku: "JUG", quantity: 0, file: "test", line: 2),
            ])
            try body(store)
        }
    }

    func claim(_ hash: String?, newHash: String = sampleTokenHash(9)) -> SessionClaim {
        SessionClaim(tokenHash: hash, lifetime: 30 * Self.day, extensionInterval: 3600) { newHash }
    }

    func sessionCount(_ store: Store) throws -> Int {
        try store.database.query("SELECT COUNT(*) AS n FROM sessions")[0].int("n")
    }

    @Test func anAddWithoutACookieStartsTheSessionAndItsLine() throws {
        try withShop { store in
            let (change, claimed) = try store.addToCart("MUG", quantity: 2, claiming: claim(nil), now: Self.now, maxPerLine: 10)
            #expect(change.quantity == 2)
            #expect(claimed.outcome == .started && claimed.tokenHash == sampleTokenHash(9))
            #expect(claimed.session.expiresAt == Self.now + 30 * Self.day)
            #expect(try store.session(tokenHash: sampleTokenHash(9), now: Self.now) == claimed.session)
            #expect(try store.cartLines(in: claimed.session).map(\.quantity) == [2])
        }
    }

    @Test func aRefusedAddLeavesNoNewSessionBehind() throws {
        try withShop { store in
            #expect(throws: CartError.unknownItem(sku: "NOPE")) {
                try store.addToCart("NOPE", quantity: 1, claiming: claim(nil), now: Self.now, maxPerLine: 10)
            }
            // JUG has no stock.
            #expect(throws: CartError.soldOut(sku: "JUG")) {
                try store.addToCart("JUG", quantity: 1, claiming: claim(sampleTokenHash(3)), now: Self.now, maxPerLine: 10)
            }
            let sessions = try sessionCount(store)
            #expect(sessions == 0)
        }
    }

    @Test func theCookiesLiveSessionIsFoundAndMovedAlongOnlyWhenStale() throws {
        try withShop { store in
            let session = try store.createSession(tokenHash: sampleTokenHash(1), now: Self.now, lifetime: 30 * Self.day)
            let (_, found) = try store.addToCart(
                "MUG", quantity: 1, claiming: claim(sampleTokenHash(1)), now: Self.now + 600, maxPerLine: 10)
            #expect(found == ClaimedSession(session: session, tokenHash: sampleTokenHash(1), outcome: .found))
            let later = Self.now + 2 * 3600
            let (_, extended) = try store.addToCart("MUG", quantity: 1, claiming: claim(sampleTokenHash(1)), now: later, maxPerLine: 10)
            #expect(extended.outcome == .extended && extended.session.id == session.id)
            #expect(try store.session(tokenHash: sampleTokenHash(1), now: later)?.expiresAt == later + 30 * Self.day)
            #expect(try store.cartLines(in: session).map(\.quantity) == [2])
            #expect(try sessionCount(store) == 1)
        }
    }

    @Test func anExpiredCookieGetsANewSessionAndTheOldOneIsSweptAway() throws {
        try withShop { store in
            _ = try store.createSession(tokenHash: sampleTokenHash(1), now: Self.now, lifetime: Self.day)
            let (_, claimed) = try store.addToCart(
                "MUG", quantity: 1, claiming: claim(sampleTokenHash(1)), now: Self.now + Self.day, maxPerLine: 10)
            #expect(claimed.outcome == .started && claimed.tokenHash == sampleTokenHash(9))
            #expect(try store.session(tokenHash: sampleTokenHash(1), now: Self.now) == nil)
            #expect(try sessionCount(store) == 1)
        }
    }

    @Test func settingALineNeedsALiveSessionUnderTheHash() throws {
        try withShop { store in
            let session = try store.createSession(tokenHash: sampleTokenHash(1), now: Self.now, lifetime: Self.day)
            try store.addToCart("MUG", quantity: 1, in: session, now: Self.now, maxPerLine: 10)
            #expect(try store.setCartQuantity("MUG", to: 3, inSessionOf: sampleTokenHash(2), now: Self.now, maxPerLine: 10) == nil)
            let set = try store.setCartQuantity("MUG", to: 3, inSessionOf: sampleTokenHash(1), now: Self.now, maxPerLine: 10)
            #expect(set?.change.quantity == 3 && set?.session == session)
            #expect(
                try store.setCartQuantity("MUG", to: 0, inSessionOf: sampleTokenHash(1), now: Self.now, maxPerLine: 10)?.change.quantity
                    == 0)
            #expect(try store.cartLines(in: session).isEmpty)
            #expect(
                try store.setCartQuantity("MUG", to: 1, inSessionOf: sampleTokenHash(1), now: Self.now + Self.day, maxPerLine: 10) == nil)
            #expect(try store.cartLines(in: session).isEmpty)
        }
    }
}

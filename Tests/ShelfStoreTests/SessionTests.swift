import ShelfTesting
import Testing

@testable import ShelfStore

struct SessionTests {
    static let day: Int64 = 86_400
    static let now: Int64 = 1_700_000_000

    @Test func createdSessionIsFoundByItsTokenHash() throws {
        try withTemporaryStore { store in
            let session = try store.createSession(tokenHash: sampleTokenHash(1), now: Self.now, lifetime: Self.day)
            #expect(session.createdAt == Self.now)
            #expect(session.expiresAt == Self.now + Self.day)
            #expect(try store.session(tokenHash: sampleTokenHash(1), now: Self.now + 10) == session)
            #expect(try store.session(tokenHash: sampleTokenHash(2), now: Self.now + 10) == nil)
        }
    }

    @Test func sessionsGetDistinctIds() throws {
        try withTemporaryStore { store in
            let first = try store.createSession(tokenHash: sampleTokenHash(1), now: Self.now, lifetime: Self.day)
            let second = try store.createSession(tokenHash: sampleTokenHash(2), now: Self.now, lifetime: Self.day)
            #expect(first.id != second.id)
        }
    }

    @Test func idOfADeletedSessionIsNeverReused() throws {
        try withTemporaryStore { store in
            let first = try store.createSession(tokenHash: sampleTokenHash(1), now: Self.now, lifetime: Self.day)
            try store.deleteExpiredSessions(now: Self.now + Self.day)
            let second = try store.createSession(tokenHash: sampleTokenHash(2), now: Self.now + Self.day, lifetime: Self.day)
            #expect(second.id > first.id)
        }
    }

    @Test func startingASessionSweepsAwayExpiredOnes() throws {
        try withTemporaryStore { store in
            let old = try store.createSession(tokenHash: sampleTokenHash(1), now: Self.now, lifetime: Self.day)
            let live = try store.createSession(tokenHash: sampleTokenHash(2), now: Self.now, lifetime: 3 * Self.day)
            let new = try store.startSession(tokenHash: sampleTokenHash(3), now: Self.now + Self.day, lifetime: Self.day)
            #expect(new.id > live.id && new.expiresAt == Self.now + 2 * Self.day)
            // Looked up as of the session's creation, so only deletion can hide it.
            #expect(try store.session(tokenHash: sampleTokenHash(1), now: Self.now) == nil)
            #expect(try store.session(tokenHash: sampleTokenHash(2), now: Self.now) == live)
            #expect(old.id < live.id)
        }
    }

    @Test func expiredSessionIsNotFound() throws {
        try withTemporaryStore { store in
            _ = try store.createSession(tokenHash: sampleTokenHash(1), now: Self.now, lifetime: Self.day)
            #expect(try store.session(tokenHash: sampleTokenHash(1), now: Self.now + Self.day - 1) != nil)
            #expect(try store.session(tokenHash: sampleTokenHash(1), now: Self.now + Self.day) == nil)
        }
    }

    @Test func extendingMovesTheExpiryOutButNeverIn() throws {
        try withTemporaryStore { store in
            let session = try store.createSession(tokenHash: sampleTokenHash(1), now: Self.now, lifetime: Self.day)
            try store.extendSession(session, until: Self.now + 3 * Self.day)
            #expect(try store.session(tokenHash: sampleTokenHash(1), now: Self.now + 2 * Self.day)?.expiresAt == Self.now + 3 * Self.day)
            try store.extendSession(session, until: Self.now + 2 * Self.day)
            #expect(try store.session(tokenHash: sampleTokenHash(1), now: Self.now)?.expiresAt == Self.now + 3 * Self.day)
        }
    }

    @Test func deletingExpiredSessionsTakesTheirCartsAlong() throws {
        try withTemporaryStore { store in
            try store.syncCatalogue([.sample("tee", skus: ["TEE-M"])], categories: [])
            let old = try store.createSession(tokenHash: sampleTokenHash(1), now: Self.now, lifetime: Self.day)
            let fresh = try store.createSession(tokenHash: sampleTokenHash(2), now: Self.now, lifetime: 3 * Self.day)
            for (session, quantity) in [(old, 1), (fresh, 2)] {
                try store.database.execute(
                    "INSERT INTO cart_lines (session_id, sku, quantity, added_at, position) VALUES (?, 'TEE-M', ?, ?, 1)",
                    [.integer(session.id), .int(quantity), .integer(Self.now)])
            }

            #expect(try store.deleteExpiredSessions(now: Self.now + 2 * Self.day) == 1)
            #expect(try store.session(tokenHash: sampleTokenHash(1), now: Self.now) == nil)
            let lines = try store.database.query("SELECT session_id, quantity FROM cart_lines")
            #expect(try lines.map { [try $0.int64("session_id"), try $0.int64("quantity")] } == [[fresh.id, 2]])
            #expect(try store.deleteExpiredSessions(now: Self.now + 2 * Self.day) == 0)
        }
    }

    @Test func schemaRefusesARawTokenAnEmptyLifetimeAndATokenTwice() throws {
        try withTemporaryStore { store in
            #expect(throws: DatabaseError.self) {
                _ = try store.createSession(tokenHash: "raw-cookie-value", now: Self.now, lifetime: Self.day)
            }
            #expect(throws: DatabaseError.self) {
                _ = try store.createSession(tokenHash: sampleTokenHash(1), now: Self.now, lifetime: 0)
            }
            _ = try store.createSession(tokenHash: sampleTokenHash(2), now: Self.now, lifetime: Self.day)
            #expect(throws: DatabaseError.self) {
                _ = try store.createSession(tokenHash: sampleTokenHash(2), now: Self.now, lifetime: Self.day)
            }
        }
    }
}

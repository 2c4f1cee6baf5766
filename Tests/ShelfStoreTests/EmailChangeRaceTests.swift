import Foundation
import ShelfCore
import ShelfTesting
import Testing

@testable import ShelfStore

/// An email-change link followed while another host registers the same address. On SQLite the
/// two write transactions queue at `BEGIN IMMEDIATE`; on PostgreSQL they overlap, which is what
/// this test makes happen, step by step.
@Suite(.enabled(if: TestDatabase.isPostgreSQL, "a race of PostgreSQL's overlapping transactions"))
struct EmailChangeRaceTests {
    @Test func anAddressRegisteredWhileItsLinkIsFollowedIsTakenNotAFailure() throws {
        try withTemporaryDirectory { directory in
            let store = try makeStore(in: directory)
            try store.register(email: "ann@example.com", name: "Ann", passwordHash: "phc", confirmation: token(1), now: 100)
            let ann = try #require(try store.customer(email: "ann@example.com"))
            #expect(try store.requestEmailChange(of: ann.id, to: "bob@example.com", link: token(2), now: 110))
            let registrar = try directory.openStore()
            let follower = try directory.openStore()
            let inserted = DispatchSemaphore(value: 0)
            // The registrar inserts Bob's account and keeps its transaction open until the
            // follower's change of Ann's email waits for it on the unique index; then commits.
            let changed = try runConcurrently(threads: 2) { thread in
                if thread == 0 {
                    try registrar.database.transaction {
                        try registrar.database.execute(
                            "INSERT INTO customers (email, name, password_hash, created_at) VALUES ('bob@example.com', 'Bob', 'phc', 120)")
                        inserted.signal()
                        try waitForABackend(running: "UPDATE customers SET email", toWaitOnALock: store)
                    }
                    return false
                }
                inserted.wait()
                return try follower.confirmEmailChange(tokenHash: token(2).hash, now: 130) != nil
            }
            #expect(changed == [false, false])
            #expect(try store.customer(id: ann.id)?.email == "ann@example.com")
            #expect(try store.customer(email: "bob@example.com")?.name == "Bob")
            #expect(try store.confirmEmailChange(tokenHash: token(2).hash, now: 140) == nil, "the link is used up")
        }
    }

    /// Returns once a backend of the test cluster runs a statement starting with `statement`
    /// and waits for a lock another transaction holds.
    private func waitForABackend(running statement: String, toWaitOnALock observer: Store) throws {
        for _ in 0..<2000 {
            let waiting = try observer.database.query(
                "SELECT COUNT(*) AS waiting FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND query LIKE ?",
                [.text(statement + "%")])
            if try waiting[0].int("waiting") > 0 { return }
            usleep(5000)
        }
        Issue.record("no backend ran \(statement) and waited for a lock")
    }

    private func token(_ seed: Int) -> AccountToken {
        AccountToken(hash: sampleTokenHash(seed), nonce: "nonce-\(seed)")
    }
}

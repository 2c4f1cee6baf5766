import ShelfTesting
import Testing

@testable import ShelfStore

/// A token whose hash and nonce are told apart by `seed`.
private func token(_ seed: Int) -> AccountToken {
    AccountToken(hash: sampleTokenHash(seed), nonce: "nonce-\(seed)")
}

struct AccountStoreTests {
    @Test func registeringStoresANormalisedEmailAndQueuesTheConfirmationLink() throws {
        try withTemporaryStore { store in
            #expect(try store.register(email: "  Ann@Example.COM ", name: "Ann", passwordHash: "phc", confirmation: token(1), now: 100))
            let ann = try #require(try store.customer(email: "ann@example.com"))
            #expect(ann.email == "ann@example.com")
            #expect(ann.role == .customer)
            #expect(!ann.isConfirmed)
            let mail = try store.mail()
            #expect(mail.map(\.email) == [.accountConfirm])
            #expect(mail[0].recipient == "ann@example.com")
            #expect(mail[0].orderID == nil)
            #expect(mail[0].data["nonce"] == "nonce-1")
            // Only the hash is kept.
            let stored = try store.database.query("SELECT token_hash FROM account_tokens").map { try $0.text("token_hash") }
            #expect(stored == [sampleTokenHash(1)])
        }
    }

    @Test func registeringAnExistingAddressInAnyCaseEmailsItInsteadOfAddingAnAccount() throws {
        try withTemporaryStore { store in
            try store.register(email: "ann@example.com", name: "Ann", passwordHash: "phc", confirmation: token(1), now: 100)
            #expect(!(try store.register(email: "ANN@example.com", name: "Eve", passwordHash: "other", confirmation: token(2), now: 200)))
            #expect(try store.customer(email: "ann@example.com")?.name == "Ann")
            #expect(try store.customer(email: "ann@example.com")?.passwordHash == "phc")
            #expect(try store.mail().map(\.email) == [.accountExists, .accountConfirm])
        }
    }

    @Test func aConfirmationLinkWorksOnceAndNotAfterADay() throws {
        try withTemporaryStore { store in
            try store.register(email: "ann@example.com", name: "Ann", passwordHash: "phc", confirmation: token(1), now: 100)
            try store.register(email: "bob@example.com", name: "Bob", passwordHash: "phc", confirmation: token(2), now: 100)
            #expect(try store.confirmAccount(tokenHash: sampleTokenHash(2), now: 100 + 86_400) == nil)
            #expect(try store.unlockAccount(tokenHash: sampleTokenHash(1), now: 200) == nil)
            #expect(try store.confirmAccount(tokenHash: sampleTokenHash(1), now: 200)?.confirmedAt == 200)
            #expect(try store.confirmAccount(tokenHash: sampleTokenHash(1), now: 201) == nil)
            #expect(try store.customer(email: "bob@example.com")?.isConfirmed == false)
        }
    }

    @Test func theThirdFailureInARowLocksTheAccountAndQueuesOneUnlockLink() throws {
        try withTemporaryStore { store in
            try store.register(email: "ann@example.com", name: "Ann", passwordHash: "phc", confirmation: token(1), now: 100)
            let ann = try #require(try store.customer(email: "ann@example.com"))
            #expect(try store.recordLoginFailure(customerID: ann.id, client: "10.0.0.1", unlock: token(2), now: 200)?.isLocked == false)
            #expect(try store.recordLoginFailure(customerID: ann.id, client: "10.0.0.1", unlock: token(3), now: 201)?.isLocked == false)
            #expect(try store.recordLoginFailure(customerID: ann.id, client: "10.0.0.2", unlock: token(4), now: 202)?.lockedAt == 202)
            #expect(try store.recordLoginFailure(customerID: ann.id, client: "10.0.0.2", unlock: token(5), now: 203)?.lockedAt == 202)
            #expect(try store.mail().map(\.email) == [.accountUnlock, .accountConfirm])
            #expect(try store.loginFailures(client: "10.0.0.1", since: 0) == [200, 201])
            #expect(try store.unlockAccount(tokenHash: sampleTokenHash(5), now: 300) == nil)
            let unlocked = try #require(try store.unlockAccount(tokenHash: sampleTokenHash(4), now: 300))
            #expect(!unlocked.isLocked && unlocked.failedLogins == 0)
            #expect(try store.unlockAccount(tokenHash: sampleTokenHash(4), now: 301) == nil)
        }
    }

    @Test func anUnlockLinkExpiresAfterAnHour() throws {
        try withTemporaryStore { store in
            try store.register(email: "ann@example.com", name: "Ann", passwordHash: "phc", confirmation: token(1), now: 100)
            let ann = try #require(try store.customer(email: "ann@example.com"))
            for seed in 2...4 { try store.recordLoginFailure(customerID: ann.id, client: "c", unlock: token(seed), now: 200) }
            #expect(try store.unlockAccount(tokenHash: sampleTokenHash(4), now: 200 + 3600) == nil)
            #expect(try store.customer(id: ann.id)?.isLocked == true)
        }
    }

    @Test func loggingInStartsANewSessionThatTakesTheCartAndEndsTheOldOne() throws {
        try withTemporaryStore { store in
            try stockTees(store, ["TEE-M": 10])
            try store.register(email: "ann@example.com", name: "Ann", passwordHash: "phc", confirmation: token(1), now: 100)
            let ann = try #require(try store.customer(email: "ann@example.com"))
            let guest = try store.createSession(tokenHash: sampleTokenHash(10), now: 100, lifetime: 3600)
            try store.addToCart("TEE-M", quantity: 2, in: guest, now: 101, maxPerLine: 10)
            try store.recordLoginFailure(customerID: ann.id, client: "c", unlock: token(2), now: 102)
            let session = try store.logIn(ann.id, tokenHash: sampleTokenHash(11), replacing: guest, now: 103, lifetime: 600, rehash: "new")
            #expect(session.id != guest.id)
            #expect(try store.session(tokenHash: sampleTokenHash(10), now: 104) == nil)
            #expect(try store.cartLines(in: session).map(\.quantity) == [2])
            #expect(try store.customer(in: session)?.id == ann.id)
            #expect(try store.customer(id: ann.id)?.failedLogins == 0)
            #expect(try store.customer(id: ann.id)?.passwordHash == "new")
            try store.endSession(session)
            #expect(try store.session(tokenHash: sampleTokenHash(11), now: 104) == nil)
        }
    }

    @Test func aResetChangesThePasswordEndsEverySessionAndWorksOnce() throws {
        try withTemporaryStore { store in
            try store.register(email: "ann@example.com", name: "Ann", passwordHash: "old", confirmation: token(1), now: 100)
            let ann = try #require(try store.customer(email: "ann@example.com"))
            _ = try store.logIn(ann.id, tokenHash: sampleTokenHash(20), replacing: nil, now: 100, lifetime: 600)
            #expect(!(try store.requestPasswordReset(email: "nobody@example.com", link: token(2), now: 200)))
            #expect(try store.requestPasswordReset(email: "ANN@example.com", link: token(3), now: 200))
            #expect(try store.resetPassword(tokenHash: sampleTokenHash(3), passwordHash: "new", now: 200 + 3600) == nil)
            #expect(try store.resetPassword(tokenHash: sampleTokenHash(3), passwordHash: "new", now: 300)?.passwordHash == "new")
            #expect(try store.resetPassword(tokenHash: sampleTokenHash(3), passwordHash: "newer", now: 301) == nil)
            #expect(try store.session(tokenHash: sampleTokenHash(20), now: 302) == nil)
            #expect(try store.mail().map(\.email) == [.accountPasswordChanged, .accountReset, .accountConfirm])
        }
    }

    @Test func atMostThreeResetEmailsAnHourPerAccount() throws {
        try withTemporaryStore { store in
            try store.register(email: "ann@example.com", name: "Ann", passwordHash: "old", confirmation: token(1), now: 100)
            let sent = try (2...6).map { try store.requestPasswordReset(email: "ann@example.com", link: token($0), now: 200 + Int64($0)) }
            #expect(sent == [true, true, true, false, false])
            #expect(try store.requestPasswordReset(email: "ann@example.com", link: token(7), now: 204 + 3600))
        }
    }
}

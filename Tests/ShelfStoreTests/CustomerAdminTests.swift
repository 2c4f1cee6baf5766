import ShelfCore
import ShelfTesting
import Testing

@testable import ShelfStore

/// A token whose hash and nonce are told apart by `seed`.
private func token(_ seed: Int) -> AccountToken {
    AccountToken(hash: sampleTokenHash(seed), nonce: "nonce-\(seed)")
}

extension Store {
    /// Registers `email` as `name` at `now`, confirmed unless told otherwise; returns the account.
    fileprivate func account(_ email: String, _ name: String, seed: Int, now: Int64 = 100, confirmed: Bool = true) throws -> Customer {
        try register(email: email, name: name, passwordHash: "phc", confirmation: token(seed), now: now)
        if confirmed { _ = try confirmAccount(tokenHash: sampleTokenHash(seed), now: now) }
        return try #require(try customer(email: email))
    }

    /// A session logged in on `customer`, lasting a day from `now`.
    fileprivate func session(of customer: Customer, seed: Int, now: Int64 = 200) throws -> Session {
        try logIn(customer.id, tokenHash: sampleTokenHash(seed), replacing: nil, now: now, lifetime: 86_400)
    }

    /// Places a bank-transfer order (its confirmation email is queued at once) for `email`, as typed.
    fileprivate func order(for email: String, quantity: Int = 1, sessionID: Int64? = nil) throws -> Order {
        var draft = OrderDraft.sample([("TEE-M", quantity)], provider: Order.manualProvider, sessionID: sessionID)
        draft.address.email = email
        draft.address.phone = "+353 1 555 0100"
        draft.address.street2 = "Flat 2"
        return try placeOrder(draft, now: 300, holdFor: 1800)
    }
}

struct CustomerAdminTests {
    @Test func theListIsOldestFirstCountsOrdersOfConfirmedAddressesAndCanShowOnlyLockedAccounts() throws {
        try withStockedTees(["TEE-M": 10]) { store in
            let ann = try store.account("ann@example.com", "Ann", seed: 1, now: 100)
            _ = try store.account("bob@example.com", "Bob", seed: 2, now: 50, confirmed: false)
            _ = try store.order(for: "Ann@Example.com")
            _ = try store.order(for: "ann@example.com")
            _ = try store.order(for: "bob@example.com")
            let listed = try store.customers()
            #expect(listed.map(\.customer.email) == ["bob@example.com", "ann@example.com"])
            // Bob never confirmed his address: the order placed with it is not his account's.
            #expect(listed.map(\.orders) == [0, 2])
            #expect(try store.customers(lockedOnly: true).isEmpty)
            for seed in 10..<13 {
                try store.recordLoginFailure(customerID: ann.id, client: "10.0.0.1", unlock: token(seed), now: 400)
            }
            #expect(try store.customers(lockedOnly: true).map(\.customer.email) == ["ann@example.com"])
        }
    }

    @Test func detailsCountLiveSessionsAndListOrdersPlacedWithTheConfirmedAddressInAnyCase() throws {
        try withStockedTees(["TEE-M": 10]) { store in
            let ann = try store.account("ann@example.com", "Ann", seed: 1)
            _ = try store.session(of: ann, seed: 2, now: 200)
            _ = try store.session(of: ann, seed: 3, now: 100_000)
            let first = try store.order(for: "ANN@example.com")
            let second = try store.order(for: "ann@example.com", quantity: 2)
            _ = try store.order(for: "ada@example.com")
            let details = try #require(try store.customerDetails(email: " Ann@EXAMPLE.com ", now: 100_000))
            #expect(details.customer.id == ann.id)
            #expect(details.liveSessions == 1, "the session of the day before has expired")
            #expect(details.orders.map(\.id) == [second.id, first.id])
            #expect(try store.customerDetails(email: "nobody@example.com", now: 0) == nil)
        }
    }

    @Test func unlockingClearsTheLockAndTheFailuresAndAnswersTheAccountAsItWas() throws {
        try withTemporaryStore { store in
            let ann = try store.account("ann@example.com", "Ann", seed: 1)
            for seed in 10..<14 {
                try store.recordLoginFailure(customerID: ann.id, client: "10.0.0.1", unlock: token(seed), now: 400)
            }
            let before = try #require(try store.unlockCustomer(email: "ANN@example.com"))
            #expect(before.lockedAt == 400)
            #expect(before.failedLogins == 4)
            let after = try #require(try store.customer(email: "ann@example.com"))
            #expect(!after.isLocked)
            #expect(after.failedLogins == 0)
            #expect(try store.unlockCustomer(email: "nobody@example.com") == nil)
        }
    }

    @Test func aRoleChangeIsSeenByTheSessionsAlreadyOpen() throws {
        try withTemporaryStore { store in
            let ann = try store.account("ann@example.com", "Ann", seed: 1)
            let session = try store.session(of: ann, seed: 2)
            #expect(try store.setRole(.admin, email: "Ann@example.com")?.role == .customer)
            #expect(try store.customer(in: session)?.role == .admin)
            #expect(try store.setRole(.customer, email: "ann@example.com")?.role == .admin)
            #expect(try store.customer(in: session)?.role == .customer)
            #expect(try store.setRole(.admin, email: "nobody@example.com") == nil)
        }
    }
}

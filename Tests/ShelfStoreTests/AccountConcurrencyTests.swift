import ShelfCore
import ShelfTesting
import Testing

@testable import ShelfStore

/// Account changes from several processes at once, as function hosts make them.
struct AccountConcurrencyTests {
    @Test func registrationsOfOneAddressAtOnceMakeOneAccount() throws {
        let threads = 6
        let rounds = 10
        try withTemporaryDirectory { directory in
            let store = try makeStore(in: directory)
            let connections = try (0..<threads).map { _ in try directory.openStore() }
            let made = try runConcurrently(threads: threads) { thread in
                try (0..<rounds).filter { round in
                    let seed = thread * rounds + round + 1
                    return try connections[thread].register(
                        email: "ann@example.com", name: "Ann \(seed)", passwordHash: "phc", confirmation: token(seed), now: 100)
                }.count
            }
            #expect(made.reduce(0, +) == 1)
            #expect(try store.database.query("SELECT id FROM customers").count == 1)
            let mail = try store.mail(limit: threads * rounds + 1).map(\.email)
            #expect(mail.filter { $0 == .accountConfirm }.count == 1)
            #expect(mail.filter { $0 == .accountExists }.count == threads * rounds - 1)
        }
    }

    @Test func defaultAddressesSavedAtOnceLeaveOneDefault() throws {
        let threads = 6
        let rounds = 5
        try withTemporaryDirectory { directory in
            let store = try makeStore(in: directory)
            try store.register(email: "ann@example.com", name: "Ann", passwordHash: "phc", confirmation: token(1), now: 100)
            let customer = try #require(try store.customer(email: "ann@example.com"))
            let connections = try (0..<threads).map { _ in try directory.openStore() }
            _ = try runConcurrently(threads: threads) { thread in
                for _ in 0..<rounds {
                    try connections[thread].saveAddress(.sample, id: nil, makeDefault: true, for: customer.id, now: 200)
                }
            }
            let addresses = try store.savedAddresses(ofCustomer: customer.id)
            #expect(addresses.count == threads * rounds)
            #expect(addresses.filter(\.isDefault).count == 1)
        }
    }

    private func token(_ seed: Int) -> AccountToken {
        AccountToken(hash: sampleTokenHash(seed), nonce: "nonce-\(seed)")
    }
}

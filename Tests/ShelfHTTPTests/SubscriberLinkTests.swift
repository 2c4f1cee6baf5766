import ShelfCrypto
import ShelfHTTP
import ShelfStore
import ShelfTesting
import Testing

@Suite struct SubscriberLinkTests {
    static let key = [UInt8](repeating: 0x42, count: 32)

    /// A confirmed subscriber of `email` in `store`.
    func subscriber(_ email: String, in store: Store) throws -> Subscriber {
        let token = AccountLink.issue(SystemRandom(), key: Self.key).token
        try store.requestSubscription(
            email: email, SubscriptionRequest(source: "footer", wording: "News", topics: ["news"]), confirmation: token, client: "",
            now: 100)
        return try #require(try store.confirmSubscription(tokenHash: token.hash, now: 101)).subscriber
    }

    @Test func aTokenOpensItsSubscriberOnly() throws {
        try withTemporaryStore { store in
            let ann = try subscriber("ann@example.com", in: store)
            let bob = try subscriber("bob@example.com", in: store)
            let token = SubscriberLink.token(for: ann, key: Self.key)
            #expect(try SubscriberLink.subscriber(for: token, in: store, key: Self.key)?.email == "ann@example.com")
            let mac = token.split(separator: ".")[1]
            #expect(try SubscriberLink.subscriber(for: "\(bob.id).\(mac)", in: store, key: Self.key) == nil)
            #expect(try SubscriberLink.subscriber(for: token, in: store, key: [UInt8](repeating: 1, count: 32)) == nil)
            for malformed in [
                "", ".", "\(ann.id)", "\(ann.id).", "-1.\(mac)", "1e3.\(mac)", "\(ann.id).\(mac)x", "99999999999999999999.\(mac)",
            ] {
                #expect(try SubscriberLink.subscriber(for: malformed, in: store, key: Self.key) == nil, "\(malformed)")
            }
            #expect(SubscriberLink.unsubscribePath(token) == "/fn/subscribe/unsubscribe?token=\(token)")
        }
    }
}

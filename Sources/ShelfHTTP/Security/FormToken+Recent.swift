import ShelfCrypto

extension FormToken {
    /// The last few tokens this process made, each with the key and the session hash it was
    /// made from: a shopper's cart page, its `cart.json` and the change it sends each need the
    /// session's token, and its HMAC was the largest share of a `cart.json`'s own work.
    ///
    /// Exactly as secure as making the token again. A token is a function of the key and the
    /// session hash only, so a kept one is byte for byte what the HMAC would give. An entry
    /// answers only for the same key, compared whole (its two padded-key states), and the same
    /// session hash, all 64 characters: a key rotated, or another session, matches nothing and
    /// is made afresh. Only the hash of a request's own cookie is ever looked up, so a hit tells
    /// a request nothing it could not compute with its own cookie; a check still compares the
    /// sent token in constant time. Nothing secret is kept that the process does not already
    /// hold (the key, and hashes that are stored in the database anyway), and at most
    /// ``capacity`` entries, the oldest replaced first.
    struct Recent: Sendable {
        static let capacity = 8
        private var entries: [(sessionHash: String, key: HMACSHA256Key, token: String)] = []
        private var next = 0

        func token(sessionHash: String, key: HMACSHA256Key) -> String? {
            for index in entries.indices where entries[index].sessionHash == sessionHash && entries[index].key == key {
                return entries[index].token
            }
            return nil
        }

        mutating func keep(_ token: String, sessionHash: String, key: HMACSHA256Key) {
            let entry = (sessionHash: sessionHash, key: key, token: token)
            if entries.count < Self.capacity {
                entries.append(entry)
            } else {
                entries[next] = entry
                next = (next + 1) % Self.capacity
            }
        }
    }
}

public import ShelfCrypto
public import ShelfStore
import Synchronization

extension FunctionContext {
    /// Today's analytics salt (``ShelfStore/Store/analyticsSalt(now:candidate:)``), read from the
    /// database once a day per process.
    ///
    /// Keeping it is safe: a day's salt never changes once stored (the first writer wins on every
    /// process and host), and a new day is a new key, read afresh.
    public func analyticsSalt(in store: Store) throws -> String {
        try saltKept(in: store).salt
    }

    /// Today's salt as the HMAC key of ``VisitorHash``, readied once per day per process: every
    /// event of the day is hashed under it, and readying a key costs two of SHA-256's blocks.
    public func visitorKey(in store: Store) throws -> HMACSHA256Key {
        try saltKept(in: store).key
    }

    private func saltKept(in store: Store) throws -> (day: Int64, salt: String, key: HMACSHA256Key) {
        let now = clock.now()
        let day = now / Store.analyticsDay
        if let kept = saltOfTheDay.withLock({ $0 }), kept.day == day { return kept }
        let salt = try store.analyticsSalt(now: now, candidate: Hex.encode(random.bytes(32)))
        let kept = (day: day, salt: salt, key: HMACSHA256Key(Array(salt.utf8)))
        saltOfTheDay.withLock { $0 = kept }
        return kept
    }
}

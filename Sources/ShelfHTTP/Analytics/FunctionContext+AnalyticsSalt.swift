import ShelfCrypto
public import ShelfStore
import Synchronization

extension FunctionContext {
    /// Today's analytics salt (``ShelfStore/Store/analyticsSalt(now:candidate:)``), read from the
    /// database once a day per process.
    ///
    /// Keeping it is safe: a day's salt never changes once stored (the first writer wins on every
    /// process and host), and a new day is a new key, read afresh.
    public func analyticsSalt(in store: Store) throws -> String {
        let now = clock.now()
        let day = now / Store.analyticsDay
        if let kept = saltOfTheDay.withLock({ $0 }), kept.day == day { return kept.salt }
        let salt = try store.analyticsSalt(now: now, candidate: Hex.encode(random.bytes(32)))
        saltOfTheDay.withLock { $0 = (day, salt) }
        return salt
    }
}

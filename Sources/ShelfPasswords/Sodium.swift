import CSodium
import Synchronization

/// libsodium's one-time initialisation, done before the first call into it.
enum Sodium {
    private static let started = Mutex(false)

    /// Calls `sodium_init` once per process; later calls return at once.
    static func start() {
        started.withLock { started in
            guard !started else { return }
            // 0: initialised now, 1: already; -1 only when the system has no random source at all.
            precondition(sodium_init() >= 0, "libsodium cannot start: the system has no random source")
            started = true
        }
    }
}

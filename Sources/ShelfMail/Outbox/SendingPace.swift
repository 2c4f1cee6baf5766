import Glibc

/// Holds a deliverer to at most `perSecond` messages a second, measured from its first
/// message on the monotonic clock: a message that would come early waits until its turn.
struct SendingPace {
    let perSecond: Int
    private var started: UInt64?
    private var count: UInt64 = 0

    init(perSecond: Int) {
        self.perSecond = max(1, perSecond)
    }

    /// Waits, when needed, before the next message.
    mutating func waitForTurn() {
        let now = Self.nanoseconds()
        guard let started else {
            self.started = now
            count = 1
            return
        }
        let due = started + count * 1_000_000_000 / UInt64(perSecond)
        count += 1
        if due > now { usleep(useconds_t((due - now) / 1000)) }
    }

    private static func nanoseconds() -> UInt64 {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return UInt64(time.tv_sec) * 1_000_000_000 + UInt64(time.tv_nsec)
    }
}

import Foundation

/// How a connection waits for a lock another connection holds: it yields the processor for the
/// first half millisecond, then sleeps in short steps, then in longer ones, and gives up once
/// five seconds have passed.
///
/// A cart's write transaction holds SQLite's write lock for some tens of microseconds, less than
/// one sleep lasts on a virtual machine (a 100 µs `usleep` returns after 150 or more): a waiter
/// that slept first left its core idle long after the lock was free. Yielding hands the core to
/// the web server or another function while the holder finishes, and tries again as soon as the
/// scheduler comes back; a holder that takes longer (a checkout, a catalogue sync) is waited
/// for in sleeps, as before.
struct SQLiteLockWait: Sendable {
    /// What a waiter does next.
    enum Step: Equatable {
        /// Gives the processor to whatever else can run, then tries again.
        case yield
        /// Sleeps this many microseconds, then tries again.
        case sleep(microseconds: UInt32)
        /// Stops waiting: the statement answers "busy".
        case giveUp
    }

    /// How long a waiter yields before it starts to sleep, in nanoseconds.
    var yielding: UInt64 = 500_000
    /// How long it has waited when its sleeps become `longSleep`, in nanoseconds.
    var sleepingShort: UInt64 = 10_000_000
    /// A sleep in the first 10 ms, in microseconds: about what a virtual machine's timer rounds
    /// any sleep up to.
    var shortSleep: UInt32 = 50
    /// A sleep after that, in microseconds.
    var longSleep: UInt32 = 1000
    /// How long it waits in all before giving up, in nanoseconds (SQLite's busy timeout).
    var total: UInt64 = 5_000_000_000

    /// The step after `waited` nanoseconds of waiting for this lock.
    func step(afterWaiting waited: UInt64) -> Step {
        if waited < yielding { return .yield }
        if waited < sleepingShort { return .sleep(microseconds: shortSleep) }
        if waited < total { return .sleep(microseconds: longSleep) }
        return .giveUp
    }

    /// Takes the step after `waited` nanoseconds; false when it is to give up.
    func wait(afterWaiting waited: UInt64) -> Bool {
        switch step(afterWaiting: waited) {
        case .yield: sched_yield()
        case .sleep(let microseconds): usleep(microseconds)
        case .giveUp: return false
        }
        return true
    }

    /// The monotonic clock in nanoseconds, which waits are measured on.
    static func now() -> UInt64 {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return UInt64(time.tv_sec) * 1_000_000_000 + UInt64(time.tv_nsec)
    }
}

import Glibc
import Synchronization

/// Keeps a handler that runs on the request's own thread to its time limit: a thread of its own
/// answers for the handler when it overruns.
///
/// Arming and disarming take an uncontended lock and nothing else, so a request pays neither a
/// thread switch nor a wake-up. The watching thread sleeps until the deadline of the handler
/// running when it last looked, or for a second when none was; a handler armed in between has a
/// later deadline, so the thread is always awake in time.
///
/// ```swift
/// let watchdog = Watchdog { response in write(response); exit(0) }
/// watchdog.arm(seconds: 10) { .html("too long", status: 503) }
/// let response = try handler()
/// guard watchdog.disarm() else { ... }  // the watchdog has answered; the process is ending
/// ```
final class Watchdog: Sendable {
    private struct State {
        var isWatching = false
        /// When the running handler overruns, in nanoseconds of `CLOCK_MONOTONIC`.
        var deadline: UInt64?
        var overrun: (@Sendable () -> Response)?
        var hasFired = false
    }

    private let state = Mutex(State())
    private let answer: @Sendable (Response) -> Void

    /// `answer` receives the response for an overrunning handler, on the watching thread; the
    /// runtime's writes it out and ends the process.
    init(answer: @escaping @Sendable (Response) -> Void) {
        self.answer = answer
    }

    /// Starts the clock of a handler: after `seconds`, `overrun` makes the answer.
    func arm(seconds: Int, overrun: @escaping @Sendable () -> Response) {
        let startsWatching = state.withLock { state in
            state.deadline = Self.now() + UInt64(seconds) * 1_000_000_000
            state.overrun = overrun
            defer { state.isWatching = true }
            return !state.isWatching
        }
        if startsWatching { startWatching() }
    }

    /// Stops the clock; false when the handler overran and the watchdog has answered for it.
    func disarm() -> Bool {
        state.withLock { state in
            state.deadline = nil
            state.overrun = nil
            return !state.hasFired
        }
    }

    private func startWatching() {
        let this = Unmanaged.passRetained(self).toOpaque()
        var thread = pthread_t()
        let started = pthread_create(
            &thread, nil,
            { context in
                Unmanaged<Watchdog>.fromOpaque(context!).takeRetainedValue().watch()
                return nil
            }, this)
        precondition(started == 0, "cannot start the watchdog thread (error \(started))")
        pthread_detach(thread)
    }

    private func watch() {
        while true {
            let now = Self.now()
            let (wake, overrun): (UInt64, (@Sendable () -> Response)?) = state.withLock { state in
                guard let deadline = state.deadline else { return (now + 1_000_000_000, nil) }
                guard now >= deadline else { return (deadline, nil) }
                state.hasFired = true
                state.deadline = nil
                return (0, state.overrun)
            }
            if let overrun {
                answer(overrun())
                return
            }
            Self.sleep(until: wake)
        }
    }

    private static func now() -> UInt64 {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return UInt64(time.tv_sec) * 1_000_000_000 + UInt64(time.tv_nsec)
    }

    private static func sleep(until nanoseconds: UInt64) {
        var time = timespec(tv_sec: Int(nanoseconds / 1_000_000_000), tv_nsec: Int(nanoseconds % 1_000_000_000))
        while clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, &time, nil) == EINTR {}
    }
}

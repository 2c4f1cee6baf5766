import Glibc
import ShelfStore
import Synchronization

/// The analytics events a FastCGI process has recorded and not yet written, so that a busy
/// process writes them in one transaction per batch rather than one commit per request.
///
/// Off until the runtime turns it on (``keepEvents()``): a CGI process, `shelf serve` and the
/// tests write each event as it is recorded. The runtime writes the batch after an answer when
/// it is full (``capacity``) or its oldest event is ``maximumAge`` old, once no request has come
/// for ``quietSpell`` (``quietWait``), and before the process ends on SIGTERM; a process that
/// crashes or overruns its time limit loses what it held (at most one batch), never an order or
/// a cart, which are written at once.
///
/// ```swift
/// batch.keepEvents()
/// if !batch.keep(event) { try store.record([event]) }
/// if batch.isDue { try store.record(batch.take()) }
/// ```
final class EventBatch: Sendable {
    /// The most events a batch holds before it is written.
    static let capacity = 64
    /// The longest an event waits, in nanoseconds, while the process is busy.
    static let maximumAge: UInt64 = 1_000_000_000
    /// How long, in milliseconds, the runtime waits for another request before it writes what
    /// it holds: long enough that a busy process rarely finds such a gap between two requests
    /// (under wrk they come tens of microseconds apart), short enough that a dashboard read
    /// after a lone request sees its event.
    static let quietSpell: Int32 = 10

    private struct State {
        var isOn = false
        var events: [VisitorEvent] = []
        /// When the oldest event held was kept, in nanoseconds of `CLOCK_MONOTONIC`.
        var since: UInt64 = 0
    }

    private let state = Mutex(State())

    /// From now on, events are kept until the runtime writes them.
    func keepEvents() {
        state.withLock { $0.isOn = true }
    }

    /// Keeps `event` for the next batch; false, keeping nothing, when batches are off.
    func keep(_ event: VisitorEvent) -> Bool {
        state.withLock { state in
            guard state.isOn else { return false }
            if state.events.isEmpty {
                state.since = Self.now()
                state.events.reserveCapacity(Self.capacity)
            }
            state.events.append(event)
            return true
        }
    }

    /// Whether the batch is full or its oldest event has waited long enough.
    var isDue: Bool {
        state.withLock { state in
            !state.events.isEmpty && (state.events.count >= Self.capacity || Self.now() - state.since >= Self.maximumAge)
        }
    }

    /// How long, in milliseconds, the runtime may wait for the next request before it writes
    /// the batch: nil when nothing is held, otherwise ``quietSpell`` or, when the oldest event is
    /// due sooner, until then.
    var quietWait: Int32? {
        state.withLock { state in
            guard !state.events.isEmpty else { return nil }
            let waited = Self.now() - state.since
            guard waited < Self.maximumAge else { return 0 }
            return Int32(min(UInt64(Self.quietSpell), (Self.maximumAge - waited + 999_999) / 1_000_000))
        }
    }

    /// How many events are held now: the mark ``forget(keptAfter:)`` goes back to.
    var heldCount: Int {
        state.withLock { $0.events.count }
    }

    /// Forgets the events kept since ``heldCount`` was `mark`: those of a group of requests
    /// whose changes were not committed (``ShelfStore/Store/grouped(writing:_:)``).
    func forget(keptAfter mark: Int) {
        state.withLock { state in
            if state.events.count > mark { state.events.removeSubrange(mark...) }
        }
    }

    /// The events held, oldest first; the batch is empty afterwards.
    func take() -> [VisitorEvent] {
        state.withLock { state in
            defer { state.events = [] }
            return state.events
        }
    }

    private static func now() -> UInt64 {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return UInt64(time.tv_sec) * 1_000_000_000 + UInt64(time.tv_nsec)
    }
}

import Glibc
import Synchronization

/// SIGTERM (and SIGINT) asking a FastCGI responder to end: the handler only notes it, and the
/// loop ends at its next turn, once the request in hand is answered and the analytics events it
/// kept are written. The handler is installed without `SA_RESTART`, so a wait in `accept`
/// returns at once.
enum StopSignal {
    private static let received = Atomic<Bool>(false)

    /// Whether a stop has been asked for.
    static var isReceived: Bool {
        received.load(ordering: .relaxed)
    }

    /// Installs the handler for SIGTERM and SIGINT.
    static func install() {
        var action = sigaction()
        action.__sigaction_handler.sa_handler = { _ in StopSignal.received.store(true, ordering: .relaxed) }
        sigemptyset(&action.sa_mask)
        action.sa_flags = 0
        sigaction(SIGTERM, &action, nil)
        sigaction(SIGINT, &action, nil)
    }
}

/// A way of learning what changed among a store's sources: inotify, or polling where it is
/// unavailable.
protocol SourceWatch {
    /// Waits up to `seconds` for a change and answers it, empty when nothing changed.
    func changes(waitingUpTo seconds: Double) -> SourceChanges

    /// How it watches, for the terminal: "inotify", "polling".
    var name: String { get }

    /// True once it can no longer tell changes (a watch could not be added): the caller
    /// switches to polling.
    var failed: Bool { get }
}

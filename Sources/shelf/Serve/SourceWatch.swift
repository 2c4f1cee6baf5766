/// A way of learning what changed among a store's sources: inotify, or polling where it is
/// unavailable.
protocol SourceWatch {
    /// Waits up to `seconds` for a change and answers it, empty when nothing changed.
    func changes(waitingUpTo seconds: Double) -> SourceChanges

    /// Starts hearing writes to the SQLite database file at `path` and its journals, unless it
    /// already does; true when it hears them (``SourceChanges/database`` tells of them), false
    /// when it cannot (polling, their folder not there yet): the caller reads the stock often.
    func hearsWrites(to path: String) -> Bool

    /// How it watches, for the terminal: "inotify", "polling".
    var name: String { get }

    /// True once it can no longer tell changes (a watch could not be added): the caller
    /// switches to polling.
    var failed: Bool { get }
}

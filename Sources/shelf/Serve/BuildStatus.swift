import Foundation
import ShelfCore

/// What open pages need to know about the builds since the server started: how many changed
/// the site (a page reloads when the count moves) and the last build's error, if it failed.
final class BuildStatus: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0
    private var failure: String?

    /// How many rebuilds changed the site.
    var generation: Int {
        lock.withLock { count }
    }

    /// The last build's error, nil when it succeeded.
    var error: String? {
        lock.withLock { failure }
    }

    /// Records a build that succeeded; `changed` when it wrote or removed files.
    func succeeded(changed: Bool) {
        lock.withLock {
            if changed { count += 1 }
            failure = nil
        }
    }

    /// Records a build that failed: the last good site stays, and pages show `message`.
    func failed(_ message: String) {
        lock.withLock { failure = message }
    }

    /// `{"generation": 3, "error": null}`, what `/_shelf/status` answers.
    var json: String {
        let (generation, error) = lock.withLock { (count, failure) }
        return JSON.object([("generation", .number(String(generation))), ("error", error.map(JSON.string) ?? .null)]).text
    }
}

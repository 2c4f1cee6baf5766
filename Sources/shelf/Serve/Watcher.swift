import Foundation
import ShelfSite
import ShelfStore

/// Notices what changed among a store's sources (``InotifyWatch``, or ``PollingWatch`` where
/// inotify is unavailable) and its stock (`shelf stock set`, an order) by the database's stock
/// version.
///
/// It is made before the first build, so that no edit falls between that build and the first
/// watch, and then handed to the one thread that rebuilds, which alone uses it.
final class Watcher: @unchecked Sendable {
    let folder: StoreFolder
    private var files: any SourceWatch
    private var store: Store?
    private var stock: String

    /// How often the stock version is read while no file changes.
    static let interval = 0.3

    /// Watches with inotify unless `polling` or it is unavailable.
    init(folder: StoreFolder, polling: Bool) {
        self.folder = folder
        if !polling, let inotify = InotifyWatch(folder: folder) {
            files = inotify
        } else {
            files = PollingWatch(folder: folder)
        }
        stock = "none"
        stock = stockVersion()
    }

    /// How it watches the files: "inotify" or "polling".
    var kind: String { files.name }

    /// Waits until a source file or the stock changes, and answers which files changed (none for
    /// a stock change alone).
    func next() -> SourceChanges {
        while true {
            var changes = files.changes(waitingUpTo: Self.interval)
            if files.failed {
                FileHandle.standardError.write(Data("Watching by polling from now on: inotify could not watch every folder.\n".utf8))
                files = PollingWatch(folder: folder)
                changes.untold = true
            }
            let version = stockVersion()
            guard !changes.isEmpty || version != stock else { continue }
            stock = version
            return changes
        }
    }

    /// The store's stock version: one indexed row, cheap enough to read several times a second.
    /// "none" until the database exists; the watcher never creates it.
    private func stockVersion() -> String {
        if store == nil, let location = try? folder.databaseLocation(), folder.hasDatabase(location) {
            store = try? Store.open(location)
        }
        guard let store, let version = try? store.stockVersion() else { return "none" }
        return String(version)
    }
}

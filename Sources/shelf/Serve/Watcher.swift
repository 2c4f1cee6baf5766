import Foundation
import Glibc
import ShelfSite
import ShelfStore

/// Notices what changed among a store's sources (``InotifyWatch``, or ``PollingWatch`` where
/// inotify is unavailable) and its stock (`shelf stock set`, an order) by the database's stock
/// version, read when inotify hears the SQLite database written, else every ``interval``.
///
/// It is made before the first build, so that no edit falls between that build and the first
/// watch, and then handed to the one thread that rebuilds, which alone uses it.
final class Watcher: @unchecked Sendable {
    let folder: StoreFolder
    private var files: any SourceWatch
    private var location: DatabaseLocation?
    private var store: Store?
    /// The device and inode of the SQLite file `store` opened: a file put in its place is opened anew.
    private var opened: (device: UInt64, inode: UInt64)?
    private var stock: String
    /// Replaces both ``interval`` and ``backstop`` when set.
    private let stockPoll: Double?

    /// How often the stock version is read when writes to the database are not heard: polling,
    /// PostgreSQL, an SQLite database whose folder is not there yet.
    static let interval = 0.3
    /// How often it is read while they are heard, in case an event was missed.
    static let backstop = 5.0

    /// Watches with inotify unless `polling` or it is unavailable; `stockPoll` replaces
    /// ``interval`` and ``backstop`` (the tests make it long, so that only a heard write can
    /// start a build).
    init(folder: StoreFolder, polling: Bool, stockPoll: Double? = nil) {
        self.folder = folder
        self.stockPoll = stockPoll
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
        var recheck = false
        while true {
            let heard = hearsDatabase()
            let wait = recheck ? InotifyWatch.settle : stockPoll ?? (heard ? Self.backstop : Self.interval)
            var changes = files.changes(waitingUpTo: wait)
            if files.failed {
                FileHandle.standardError.write(Data("Watching by polling from now on: inotify could not watch every folder.\n".utf8))
                files = PollingWatch(folder: folder)
                changes.untold = true
            }
            // A commit's last write can be heard a moment before the commit shows to readers:
            // the version is read once more when the writes pause.
            recheck = changes.database
            let version = stockVersion()
            guard !changes.isEmpty || version != stock else { continue }
            stock = version
            return changes
        }
    }

    /// Takes the stock version a build brought the pages up to as seen: the build's own sync
    /// moves it when the catalogue gains SKUs, and that change is on the pages already.
    func built(upTo stockVersion: Int64?) {
        if let stockVersion { stock = String(stockVersion) }
    }

    /// True when the watch hears writes to the SQLite database, asking it to start if it does not
    /// (the database's folder may have come into being: its creation in the store's root wakes the watch).
    private func hearsDatabase() -> Bool {
        guard case .sqlite(let path)? = location else { return false }
        return files.hearsWrites(to: path)
    }

    /// The store's stock version: one indexed row, cheap enough to read several times a second.
    /// "none" while there is no database; the watcher never creates it.
    private func stockVersion() -> String {
        if location == nil { location = try? folder.databaseLocation() }
        guard let location else { return "none" }
        if case .sqlite(let path) = location {
            var info = stat()
            guard stat(path, &info) == 0 else {
                store = nil
                return "none"
            }
            let identity = (device: UInt64(info.st_dev), inode: UInt64(info.st_ino))
            if let opened, opened != identity { store = nil }
            if store == nil { opened = identity }
        }
        if store == nil, folder.hasDatabase(location) { store = try? Store.open(location) }
        guard let store, let version = try? store.stockVersion() else { return "none" }
        return String(version)
    }
}

import Glibc
import ShelfConfig
import ShelfSite

/// Learns what changed among a store's sources from Linux inotify, so that an edit costs what it
/// touches and an idle server costs nothing: one watch on each folder under content/, templates/,
/// static/ and themes/, and one on the store's root for shelf.toml and those folders coming and
/// going. Asked to (``hearsWrites(to:)``), it watches the SQLite database's folder too, for the
/// database and its journals: a commit writes the `-wal` file (or the `-journal`), a checkpoint
/// the database, so a stock change is heard when it happens instead of at the next poll.
///
/// A folder created, deleted or renamed, or a full event queue, makes the batch untold (a plain
/// build) and the watches are set up again; a watch that cannot be added makes it ``failed``.
final class InotifyWatch: SourceWatch {
    let name = "inotify"
    private(set) var failed = false
    private let folder: StoreFolder
    private var descriptor: Int32 = -1
    /// The folder of each watch, by watch descriptor, the root's among them.
    private var folders: [Int32: String] = [:]
    private var rootWatch: Int32 = -1
    private var buffer = [UInt8](repeating: 0, count: 64 * 1024)
    /// The SQLite database file whose writes are heard, once asked, and the names in its folder
    /// that count: the database and its journals (not `-shm`, written through a mapping that
    /// inotify does not see, and by readers too).
    private var database: String?
    private var databaseNames: Set<String> = []
    /// The watch on the database's folder; -1 while that folder is not there.
    private var databaseWatch: Int32 = -1

    /// How long events must pause before a batch is handed over: an editor's save (a temporary
    /// file written, then renamed over the old one) is several events in a row.
    static let settle = 0.02
    /// The longest a batch keeps growing while events keep coming.
    static let longest = Duration.seconds(1)
    /// The folders watched whole, within the store's root.
    static let trees = ["content", "templates", "static", "themes"]
    /// The names in the store's root whose changes count; the rest there (site/, .shelf/, data/)
    /// is the build's output, its bookkeeping and the database.
    static let rootNames = Set(trees + [StoreConfig.fileName])

    private static let fileEvents = UInt32(IN_MODIFY | IN_ATTRIB | IN_CLOSE_WRITE | IN_CREATE | IN_DELETE | IN_MOVED_FROM | IN_MOVED_TO)
    private static let selfEvents = UInt32(IN_DELETE_SELF | IN_MOVE_SELF)
    private static let folderEvents = UInt32(IN_CREATE | IN_DELETE | IN_MOVED_FROM | IN_MOVED_TO)
    /// Reading the database opens and closes it without these; writing, creating and replacing it make one.
    private static let databaseEvents = UInt32(IN_MODIFY | IN_CLOSE_WRITE | IN_CREATE | IN_DELETE | IN_MOVED_FROM | IN_MOVED_TO)

    /// What one batch of events said.
    private struct Batch {
        var changes = SourceChanges()
        /// Files whose first event in the batch was their creation: gone again at its end, they
        /// were temporary and changed nothing.
        var born: Set<String> = []
        /// A folder came, went or moved: the watches are set up again.
        var rewatch = false

        /// Only the database was written: no file event follows that the batch should wait for.
        var databaseOnly: Bool { changes.database && changes.isEmpty && !rewatch }
    }

    /// Starts watching; nil when inotify is unavailable or the watches cannot all be added (the
    /// per-user limit, `fs.inotify.max_user_watches`).
    init?(folder: StoreFolder) {
        self.folder = folder
        guard startWatching() else {
            if descriptor >= 0 { close(descriptor) }
            descriptor = -1
            return nil
        }
    }

    deinit {
        if descriptor >= 0 { close(descriptor) }
    }

    func changes(waitingUpTo seconds: Double) -> SourceChanges {
        guard wait(seconds) else { return SourceChanges() }
        var batch = Batch()
        let clock = ContinuousClock()
        let started = clock.now
        repeat { read(into: &batch) } while !failed && !batch.databaseOnly && wait(Self.settle) && clock.now - started < Self.longest
        if batch.rewatch {
            batch.changes.untold = true
            if !startWatching() { failed = true }
        }
        if failed { batch.changes.untold = true }
        batch.changes.paths = batch.changes.paths.filter { !batch.born.contains($0) || access($0, F_OK) == 0 }
        return batch.changes
    }

    func hearsWrites(to path: String) -> Bool {
        if database != path {
            database = path
            let name = path.split(separator: "/").last.map(String.init) ?? path
            databaseNames = [name, name + "-wal", name + "-journal"]
            databaseWatch = -1
        }
        if databaseWatch < 0 { watchDatabase() }
        return databaseWatch >= 0
    }

    /// Opens a new inotify instance watching the root and every folder of the trees, and the
    /// database's folder when asked; false when one of the trees' cannot be added.
    private func startWatching() -> Bool {
        if descriptor >= 0 { close(descriptor) }
        folders = [:]
        databaseWatch = -1
        descriptor = inotify_init1(Int32(IN_NONBLOCK | IN_CLOEXEC))
        guard descriptor >= 0 else { return false }
        rootWatch = inotify_add_watch(descriptor, folder.root, Self.fileEvents | Self.selfEvents | UInt32(IN_ONLYDIR))
        guard rootWatch >= 0 else { return false }
        folders[rootWatch] = folder.root
        guard Self.trees.allSatisfy({ watchTree(folder.root + "/" + $0) }) else { return false }
        watchDatabase()
        return true
    }

    /// Watches the database's folder, if it is there; added to the watch the folder may already
    /// have (the root, say), not in place of it.
    private func watchDatabase() {
        guard let database else { return }
        let parent = database.lastIndex(of: "/").map { String(database[..<$0]) } ?? "."
        databaseWatch = inotify_add_watch(
            descriptor, parent.isEmpty ? "/" : parent, Self.databaseEvents | Self.selfEvents | UInt32(IN_ONLYDIR | IN_MASK_ADD))
    }

    /// Watches `path` and every folder under it; true too when there is no such folder.
    private func watchTree(_ path: String) -> Bool {
        let watch = inotify_add_watch(descriptor, path, Self.fileEvents | Self.selfEvents | UInt32(IN_ONLYDIR))
        guard watch >= 0 else { return errno == ENOENT || errno == ENOTDIR }
        // A folder reached twice (through a symbolic link) is walked once.
        guard folders.updateValue(path, forKey: watch) == nil, let handle = opendir(path) else { return true }
        var subfolders: [String] = []
        while let entry = readdir(handle) {
            // A link or an unknown type may be a folder: adding the watch finds out (IN_ONLYDIR).
            let type = Int(entry.pointee.d_type)
            guard type == Int(DT_DIR) || type == Int(DT_LNK) || type == Int(DT_UNKNOWN) else { continue }
            let name = withUnsafeBytes(of: &entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
            if !name.hasPrefix(".") { subfolders.append(path + "/" + name) }
        }
        closedir(handle)
        return subfolders.allSatisfy(watchTree)
    }

    /// True when events are waiting, after up to `seconds`.
    private func wait(_ seconds: Double) -> Bool {
        var request = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
        return poll(&request, 1, Int32(seconds * 1000)) > 0
    }

    /// Reads every event waiting into `batch`.
    private func read(into batch: inout Batch) {
        while true {
            let count = buffer.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress, $0.count) }
            if count < 0, errno == EINTR { continue }
            if count < 0, errno != EAGAIN { failed = true }
            guard count > 0 else { return }
            var offset = 0
            // Each event: wd, mask, cookie, len (4 bytes each), then a name of len bytes padded with NULs.
            while offset + 16 <= count {
                let (watch, mask, length) = buffer.withUnsafeBytes { bytes in
                    (
                        bytes.loadUnaligned(fromByteOffset: offset, as: Int32.self),
                        bytes.loadUnaligned(fromByteOffset: offset + 4, as: UInt32.self),
                        Int(bytes.loadUnaligned(fromByteOffset: offset + 12, as: UInt32.self))
                    )
                }
                let name = String(decoding: buffer[offset + 16..<offset + 16 + length].prefix { $0 != 0 }, as: UTF8.self)
                note(watch: watch, mask: mask, name: name, into: &batch)
                offset += 16 + length
            }
        }
    }

    /// Adds one event to `batch`.
    private func note(watch: Int32, mask: UInt32, name: String, into batch: inout Batch) {
        if mask & UInt32(IN_Q_OVERFLOW) != 0 {
            batch.changes.untold = true
            return
        }
        if watch == databaseWatch {
            if folders[watch] == nil, mask & (Self.selfEvents | UInt32(IN_IGNORED)) != 0 {
                // The database's folder went: the caller watches it again once it is back.
                databaseWatch = -1
                batch.changes.database = true
                return
            }
            if databaseNames.contains(name) {
                batch.changes.database = true
                return
            }
        }
        if mask & UInt32(IN_IGNORED) != 0 {
            folders[watch] = nil
            return
        }
        if mask & Self.selfEvents != 0 {
            batch.rewatch = true
            return
        }
        guard let parent = folders[watch], !name.isEmpty, !name.hasPrefix(".") else { return }
        if watch == rootWatch {
            guard Self.rootNames.contains(name) else { return }
            if name != StoreConfig.fileName {
                if mask & Self.folderEvents != 0 { batch.rewatch = true }
                return
            }
        } else if mask & UInt32(IN_ISDIR) != 0 {
            // What a folder that came, went or moved holds is not in the events.
            if mask & Self.folderEvents != 0 { batch.rewatch = true }
            return
        }
        let path = parent + "/" + name
        if mask & UInt32(IN_CREATE) != 0, !batch.changes.paths.contains(path) { batch.born.insert(path) }
        batch.changes.paths.insert(path)
    }
}

import Foundation
import Glibc
import ShelfSite

/// Learns what changed among a store's sources by comparing every file's size and modification
/// time with the last look: for where inotify is unavailable or sees no edits (network and shared
/// folders, `shelf serve --poll`). Each look reads every file's attributes, so it costs what the
/// store weighs even when nothing changed.
final class PollingWatch: SourceWatch {
    let name = "polling"
    let failed = false
    private let folder: StoreFolder
    private var stamps: [String: Stamp]

    /// A file's size and modification time.
    private struct Stamp: Equatable {
        var size: Int64
        var modified: Int64
    }

    init(folder: StoreFolder) {
        self.folder = folder
        stamps = Self.look(folder)
    }

    func changes(waitingUpTo seconds: Double) -> SourceChanges {
        Thread.sleep(forTimeInterval: seconds)
        let current = Self.look(folder)
        var changes = SourceChanges()
        for (path, stamp) in current where stamps[path] != stamp { changes.paths.insert(path) }
        for path in stamps.keys where current[path] == nil { changes.paths.insert(path) }
        stamps = current
        return changes
    }

    /// Never: the caller reads the stock version at each look.
    func hearsWrites(to path: String) -> Bool { false }

    /// Every watched file's stamp, by absolute path.
    private static func look(_ folder: StoreFolder) -> [String: Stamp] {
        var stamps: [String: Stamp] = [:]
        for path in [folder.configFile] + InotifyWatch.trees.map({ folder.root + "/" + $0 }) {
            collect(path, into: &stamps)
        }
        return stamps
    }

    /// Adds the stamp of the file at `path`, or of every file under the folder, links not followed.
    private static func collect(_ path: String, into stamps: inout [String: Stamp]) {
        var info = stat()
        guard lstat(path, &info) == 0 else { return }
        if info.st_mode & S_IFMT == S_IFDIR {
            for name in (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? [] where !name.hasPrefix(".") {
                collect(path + "/" + name, into: &stamps)
            }
        } else {
            let modified = Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec)
            stamps[path] = Stamp(size: Int64(info.st_size), modified: modified)
        }
    }
}

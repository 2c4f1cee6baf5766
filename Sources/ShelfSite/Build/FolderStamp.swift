import Glibc

/// What a folder's own inode says about its list of names: any file added, removed or renamed
/// in it moves its change time, and another folder put in its place has another inode.
///
/// An edit in place leaves the folder's stamp alone, so the stamp can spare a build the listing
/// of the folder's names, never the stat of each file.
struct FolderStamp: Hashable, Sendable {
    var device: UInt64
    var inode: UInt64
    var modified: Int64
    var changed: Int64

    /// The stamp of an open folder; nil when it cannot be stat'ed.
    init?(descriptor: Int32) {
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { return nil }
        device = UInt64(info.st_dev)
        inode = UInt64(info.st_ino)
        modified = Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec)
        changed = Int64(info.st_ctim.tv_sec) * 1_000_000_000 + Int64(info.st_ctim.tv_nsec)
    }

    init(device: UInt64, inode: UInt64, modified: Int64, changed: Int64) {
        (self.device, self.inode, self.modified, self.changed) = (device, inode, modified, changed)
    }

    /// Whether a listing made after this stamp was taken `at` (nanoseconds since 1970) may be
    /// trusted for as long as the stamp stays: a name added later moves the change time only if
    /// it falls on a later clock tick than the change before, which the file system's timestamp
    /// granularity decides ("racy" stamps, as git calls them). Whole-second stamps, the sign of a
    /// coarse file system, need seconds of distance; others a tenth of a second, many ticks.
    func isSettled(at now: Int64) -> Bool {
        let coarse = modified % 1_000_000_000 == 0 && changed % 1_000_000_000 == 0
        return now - Swift.max(modified, changed) > (coarse ? 3_000_000_000 : 100_000_000)
    }

    /// The time now, in nanoseconds since 1970, as file stamps count it.
    static func now() -> Int64 {
        var time = timespec()
        clock_gettime(CLOCK_REALTIME, &time)
        return Int64(time.tv_sec) * 1_000_000_000 + Int64(time.tv_nsec)
    }
}

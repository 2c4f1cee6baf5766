import Glibc

/// The fast path's pass over `content/products/`: every `.md` file's size and modification time
/// compared in place with the stamp the state table holds for it.
///
/// Directory modification times cannot tell an edit in place, so every file is stat'ed: one
/// `fstatat` a file relative to the open folder, in the table's order (no lookup a file), split
/// over the cores, without Foundation or a string per file; only the files that differ become
/// strings. The folder's names are listed (one `getdents` stream, beside the stats) only when
/// its own stamp moved since they last matched the table's (`FolderStamp`).
struct ProductFileScan {
    /// Product files whose stamp differs from the table's, by name within the folder.
    var differing: [String: FileStamp] = [:]
    /// How many `.md` files the folder holds.
    var count = 0
    /// A file the table does not know, or one that could not be stat'ed.
    var unknown = false
    /// The names stat'ed when the caller named them (`scan(_:in:against:)`); nil when every file was.
    var only: Set<String>?
    /// The folder's stamp, taken before its files were read; nil when the caller named them.
    var folder: FolderStamp?
    /// Whether the folder's names were listed (its stamp was not the one last listed).
    var listed = false
    /// Whether the listing may stand for later scans while the folder keeps its stamp
    /// (`FolderStamp.isSettled`).
    var listingSettled = false

    /// Whether the scan looked at the file of this name.
    func covers(_ name: String) -> Bool { only?.contains(name) ?? true }

    /// Stats only the named files of `directory`, for a caller that vouches no other changed.
    static func scan(_ names: Set<String>, in directory: String, against table: FastPathTable) -> ProductFileScan {
        var scan = ProductFileScan()
        scan.only = names
        scan.count = names.count
        for name in names {
            var info = stat()
            guard let record = table.index(ofName: name), stat(directory + "/" + name, &info) == 0 else {
                scan.unknown = true
                continue
            }
            let stamp = FileStamp(
                size: Int64(info.st_size), modified: Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec))
            if table.stamp(at: record) != stamp { scan.differing[name] = stamp }
        }
        return scan
    }

    /// Scans `directory`; nil when it cannot be read. `listedAt` is the folder's stamp when a
    /// scan last listed it and found the table's names: while the folder keeps that stamp, no
    /// name was added, removed or renamed, so its names are not listed again, only stat'ed.
    static func scan(_ directory: String, against table: FastPathTable, listedAt known: FolderStamp?) -> ProductFileScan? {
        let descriptor = open(directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        let started = FolderStamp.now()
        guard let folder = FolderStamp(descriptor: descriptor) else { return nil }
        let listing = folder != known
        // The table's own order (sorted names) needs no lookup a file; the listing, when needed,
        // runs beside the stats and is compared with the table's names as a whole.
        let count = table.productCount
        let parts = Swift.max(1, Swift.min(Cores.active * 4, count / 1024))
        let jobs: [Job] = (listing ? [.list] : []) + (0..<parts).map { .stat((count * $0 / parts)..<(count * ($0 + 1) / parts)) }
        let found = jobs.parallelMap { job -> ProductFileScan in
            switch job {
            case .list: return list(descriptor, against: table)
            case .stat(let range): return stamps(range, in: descriptor, against: table)
            }
        }
        var scan = ProductFileScan()
        scan.count = count
        scan.folder = folder
        scan.listed = listing
        scan.listingSettled = listing && folder.isSettled(at: started)
        for part in found {
            scan.unknown = scan.unknown || part.unknown
            scan.differing.merge(part.differing) { new, _ in new }
        }
        return scan
    }

    private enum Job: Sendable {
        case list
        case stat(Range<Int>)
    }

    /// Lists the folder's `.md` names and compares them, as a set, with the table's.
    private static func list(_ descriptor: Int32, against table: FastPathTable) -> ProductFileScan {
        var scan = ProductFileScan()
        let own = openat(descriptor, ".", O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard own >= 0, let handle = fdopendir(own) else {
            if own >= 0 { close(own) }
            scan.unknown = true
            return scan
        }
        defer { closedir(handle) }
        var listed = NameSetDigest()
        while let entry = readdir(handle) {
            withUnsafeBytes(of: &entry.pointee.d_name) { raw in
                let length = strnlen(raw.baseAddress!.assumingMemoryBound(to: CChar.self), raw.count)
                let name = UnsafeRawBufferPointer(rebasing: raw.prefix(length))
                guard length > 3, name.first != UInt8(ascii: "."), name.suffix(3).elementsEqual(".md".utf8) else { return }
                listed.insert(name)
            }
        }
        var known = NameSetDigest()
        for index in 0..<table.productCount {
            guard let name = table.name(at: index) else {
                scan.unknown = true
                return scan
            }
            known.insert(name)
        }
        scan.unknown = listed != known
        return scan
    }

    /// Stats the files of the table's records in `range`, relative to the open folder.
    private static func stamps(_ range: Range<Int>, in descriptor: Int32, against table: FastPathTable) -> ProductFileScan {
        var scan = ProductFileScan()
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: Int(NAME_MAX) + 1) { path in
            for index in range {
                guard let name = table.name(at: index), name.count > 0, name.count <= Int(NAME_MAX),
                    !name.contains(0), !name.contains(UInt8(ascii: "/"))
                else {
                    scan.unknown = true
                    return
                }
                UnsafeMutableRawBufferPointer(path).copyBytes(from: name)
                path[name.count] = 0
                var info = stat()
                guard fstatat(descriptor, UnsafeRawPointer(path.baseAddress!).assumingMemoryBound(to: CChar.self), &info, 0) == 0 else {
                    scan.unknown = true
                    return
                }
                let stamp = FileStamp(
                    size: Int64(info.st_size), modified: Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec))
                if table.stamp(at: index) != stamp { scan.differing[String(decoding: name, as: UTF8.self)] = stamp }
            }
        }
        return scan
    }
}

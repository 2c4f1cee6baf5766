import Glibc

/// The fast path's pass over `content/products/`: every `.md` file's size and modification time
/// compared in place with the stamp the state table holds for it.
///
/// Directory modification times cannot tell an edit in place, so every file is stat'ed; the pass
/// is kept to one `getdents` stream and one `fstatat` a file, without Foundation or a string per
/// file, the `fstatat`s split over the cores. Only the files that differ become strings.
struct ProductFileScan {
    /// Product files whose stamp differs from the table's, by name within the folder.
    var differing: [String: FileStamp] = [:]
    /// How many `.md` files the folder holds.
    var count = 0
    /// A file the table does not know, or one that could not be stat'ed.
    var unknown = false
    /// The names stat'ed when the caller named them (`scan(_:in:against:)`); nil when every file was.
    var only: Set<String>?

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

    /// Scans `directory`; nil when it cannot be read.
    static func scan(_ directory: String, against table: FastPathTable) -> ProductFileScan? {
        guard let handle = opendir(directory) else { return nil }
        defer { closedir(handle) }
        // The names, each ending in a NUL, one after another.
        var names: [UInt8] = []
        var starts: [Int] = []
        while let entry = readdir(handle) {
            withUnsafeBytes(of: &entry.pointee.d_name) { raw in
                let length = strnlen(raw.baseAddress!.assumingMemoryBound(to: CChar.self), raw.count)
                let name = raw.prefix(length)
                guard length > 3, name.first != UInt8(ascii: "."), name.suffix(3).elementsEqual(".md".utf8) else { return }
                starts.append(names.count)
                names += name
                names.append(0)
            }
        }
        starts.append(names.count)
        let (allNames, allStarts) = (names, starts)
        let descriptor = dirfd(handle)
        let count = starts.count - 1
        let parts = Swift.max(1, Swift.min(Cores.active, count / 1024))
        let found = (0..<parts).map { part in (count * part / parts)..<(count * (part + 1) / parts) }.parallelMap {
            range -> ProductFileScan in
            var scan = ProductFileScan()
            allNames.withUnsafeBytes { bytes in
                for index in range {
                    let start = allStarts[index]
                    let name = UnsafeRawBufferPointer(rebasing: bytes[start..<allStarts[index + 1] - 1])
                    var info = stat()
                    guard fstatat(descriptor, name.baseAddress!.assumingMemoryBound(to: CChar.self), &info, 0) == 0,
                        let record = table.index(ofName: name)
                    else {
                        scan.unknown = true
                        return
                    }
                    let stamp = FileStamp(
                        size: Int64(info.st_size), modified: Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec))
                    if table.stamp(at: record) != stamp { scan.differing[String(decoding: name, as: UTF8.self)] = stamp }
                }
            }
            return scan
        }
        var scan = ProductFileScan()
        scan.count = count
        for part in found {
            scan.unknown = scan.unknown || part.unknown
            scan.differing.merge(part.differing) { new, _ in new }
        }
        return scan
    }
}

import Foundation
import ShelfConfig

/// What the last successful build wrote: each output's path and fingerprint.
///
/// Kept in `.shelf/build-cache` as `FINGERPRINT<TAB>PATH` lines; a missing or unreadable cache
/// simply means the next build is a full one.
struct BuildCache {
    static let header = "shelf build cache 1"
    var fingerprints: [String: UInt64] = [:]

    static func load(from path: String) -> BuildCache? {
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else { return nil }
        var lines = text.split(separator: "\n")[...]
        guard lines.first == Substring(header) else { return nil }
        lines = lines.dropFirst()
        var cache = BuildCache()
        cache.fingerprints.reserveCapacity(lines.count)
        for line in lines {
            guard let tab = line.firstIndex(of: "\t"), let value = UInt64(line[..<tab], radix: 16) else { return nil }
            cache.fingerprints[String(line[line.index(after: tab)...])] = value
        }
        return cache
    }

    /// Adds changed entries at the end of the file without rewriting it; on load, later lines win.
    static func append(_ entries: [(path: String, fingerprint: UInt64)], to path: String) throws {
        guard !entries.isEmpty else { return }
        let text = entries.map { $0.fingerprint.hex + "\t" + $0.path + "\n" }.joined()
        guard let handle = FileHandle(forWritingAtPath: path) else { throw SiteError(path, "cannot be written") }
        defer { try? handle.close() }
        try handle.seekToEnd()
        try handle.write(contentsOf: Data(text.utf8))
    }

    func save(to path: String) throws {
        try BinaryWriter.replace(path) { writer in
            writer.append(Self.header + "\n")
            for file in fingerprints.keys.sorted() {
                writer.append(fingerprints[file]!.hex + "\t" + file + "\n")
                try writer.flush()
            }
        }
    }
}

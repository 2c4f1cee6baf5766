import Foundation

/// What fast builds changed since an ordinary build wrote the whole state: the stock version,
/// the stamps of the product files they rendered again and those pages' fingerprints, and the
/// product folder's stamp once a scan has listed its names. Kept in
/// `.shelf/fast-path-delta`, small however large the catalogue, and named after the whole state
/// it follows (the table's `identity`), so it never applies to another.
struct FastPathDelta {
    var stockVersion: Int64
    /// By product file name within `content/products/`.
    var stamps: [String: FileStamp?] = [:]
    /// By output path.
    var pageFingerprints: [String: UInt64] = [:]
    /// The product folder's stamp when a scan last listed it and found the table's names
    /// (`ProductFileScan`); nil until one has.
    var listedFolder: FolderStamp?

    static func path(besides statePath: String) -> String { statePath + "-delta" }

    /// An empty delta for `table`.
    init(following table: FastPathTable) { stockVersion = table.stockVersion }

    /// The delta saved for `table`, an empty one when none was, nil when it is damaged or follows
    /// another whole state.
    static func load(from path: String, following table: FastPathTable) -> FastPathDelta? {
        guard let data = FileManager.default.contents(atPath: path) else { return FastPathDelta(following: table) }
        var reader = BinaryReader(bytes: [UInt8](data))
        guard reader.uint32() == FastPathState.version, reader.uint64() == table.identity else { return nil }
        var delta = FastPathDelta(following: table)
        delta.stockVersion = reader.int64()
        for _ in 0..<Int(reader.uint32()) where !reader.failed {
            let name = reader.string()
            delta.stamps[name] = reader.bool() ? FileStamp(size: reader.int64(), modified: reader.int64()) : nil as FileStamp?
        }
        for _ in 0..<Int(reader.uint32()) where !reader.failed {
            let path = reader.string()
            delta.pageFingerprints[path] = reader.uint64()
        }
        if reader.bool() {
            delta.listedFolder = FolderStamp(
                device: reader.uint64(), inode: reader.uint64(), modified: reader.int64(), changed: reader.int64())
        }
        return reader.failed ? nil : delta
    }

    func save(to path: String, following table: FastPathTable) throws {
        var writer = BinaryWriter()
        writer.uint32(FastPathState.version)
        writer.uint64(table.identity)
        writer.int64(stockVersion)
        writer.uint32(UInt32(stamps.count))
        for (name, stamp) in stamps.sorted(by: { $0.key < $1.key }) {
            writer.string(name)
            writer.bool(stamp != nil)
            if let stamp {
                writer.int64(stamp.size)
                writer.int64(stamp.modified)
            }
        }
        writer.uint32(UInt32(pageFingerprints.count))
        for (path, fingerprint) in pageFingerprints.sorted(by: { $0.key < $1.key }) {
            writer.string(path)
            writer.uint64(fingerprint)
        }
        writer.bool(listedFolder != nil)
        if let listedFolder {
            writer.uint64(listedFolder.device)
            writer.uint64(listedFolder.inode)
            writer.int64(listedFolder.modified)
            writer.int64(listedFolder.changed)
        }
        try writer.replace(path)
    }
}

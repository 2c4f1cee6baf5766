import Glibc

/// `.shelf/fast-path` as the fast path reads it: the file memory-mapped, its product and page
/// records sorted so that one is found by binary search and compared in place. A build decodes
/// only the entries it looks up, so opening the state costs the same at 50 products or 50,000.
///
/// Layout, little-endian (written by `FastPathState.save`):
///
///     0   magic "SFPT", version u32
///     8   global u64, stock version i64, review version i64, output count i64
///     40  product count u32, page count u32
///     48  offsets u64 of the product records, the handle order, the page records, the strings,
///         and the file's length
///     88  a hash of the 88 bytes before it
///     96  used categories and year (BinaryWriter strings), then the sections in that order
///
/// A product record (48 bytes): file name (offset u32 and length u32 into the strings, sorted by
/// its bytes), handle (the same), related list offset u32, flags u32 (1 sold out, 2 stamped),
/// size i64, modification time i64 (nanoseconds), listing signature u64. The handle order is one
/// u32 record number a product, sorted by handle. A page record (16 bytes): path (offset, length)
/// and fingerprint u64, sorted by path.
///
/// Anything that does not add up (another version, a short file, an offset outside the strings)
/// makes `open` or a lookup answer nil, and the fast path leaves the build to the ordinary one.
final class FastPathTable: @unchecked Sendable {
    static let magic: UInt32 = 0x5450_4653  // "SFPT"
    static let headerSize = 96
    static let productSize = 48
    static let pageSize = 16

    let global: UInt64
    let stockVersion: Int64
    let reviewVersion: Int64
    let outputCount: Int
    let productCount: Int
    let pageCount: Int
    let usedCategories: [String]
    let year: String
    /// The hash of the header, which a delta names to say which whole state it follows.
    let identity: UInt64

    private let base: UnsafeRawPointer
    private let length: Int
    private let products: Int
    private let handles: Int
    private let pages: Int
    private let strings: Int

    /// The product record of one file: what the last rendering of its page was made from.
    struct Product {
        var name: String
        var handle: String
        var stamp: FileStamp?
        var signature: UInt64
        var soldOut: Bool
        var related: [String]
    }

    /// Maps the file; nil when it is missing, of another version or damaged.
    static func open(_ path: String) -> FastPathTable? {
        let descriptor = Glibc.open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0, info.st_size >= headerSize else { return nil }
        let length = Int(info.st_size)
        guard let mapped = mmap(nil, length, PROT_READ, MAP_PRIVATE, descriptor, 0), mapped != MAP_FAILED else { return nil }
        let table = FastPathTable(base: UnsafeRawPointer(mapped), length: length)
        guard table.isValid else { return nil }
        return table
    }

    private var isValid: Bool

    private init(base: UnsafeRawPointer, length: Int) {
        self.base = base
        self.length = length
        func u32(_ at: Int) -> UInt32 { UInt32(littleEndian: base.loadUnaligned(fromByteOffset: at, as: UInt32.self)) }
        func u64(_ at: Int) -> UInt64 { UInt64(littleEndian: base.loadUnaligned(fromByteOffset: at, as: UInt64.self)) }
        global = u64(8)
        stockVersion = Int64(bitPattern: u64(16))
        reviewVersion = Int64(bitPattern: u64(24))
        outputCount = Int(truncatingIfNeeded: u64(32))
        productCount = Int(u32(40))
        pageCount = Int(u32(44))
        let offsets = (0..<5).map { Int(truncatingIfNeeded: u64(48 + 8 * $0)) }
        (products, handles, pages, strings) = (offsets[0], offsets[1], offsets[2], offsets[3])
        var hasher = StableHasher()
        hasher.combine(UnsafeRawBufferPointer(start: base, count: 88))
        identity = hasher.value
        var header = BinaryReader(bytes: Array(UnsafeRawBufferPointer(start: base + 96, count: max(0, min(products, length) - 96))))
        usedCategories = header.strings()
        year = header.string()
        isValid =
            u32(0) == Self.magic && u32(4) == FastPathState.version && u64(88) == identity && offsets[4] == length
            && !header.failed && products >= Self.headerSize && handles == products + Self.productSize * productCount
            && pages == handles + 4 * productCount && strings == pages + Self.pageSize * pageCount && strings <= length
    }

    deinit { munmap(UnsafeMutableRawPointer(mutating: base), length) }

    private func u32(_ at: Int) -> Int { Int(UInt32(littleEndian: base.loadUnaligned(fromByteOffset: at, as: UInt32.self))) }
    private func u64(_ at: Int) -> UInt64 { UInt64(littleEndian: base.loadUnaligned(fromByteOffset: at, as: UInt64.self)) }

    /// The bytes of a string of the strings section; nil when it runs outside it.
    private func bytes(at offset: Int, count: Int) -> UnsafeRawBufferPointer? {
        guard offset >= 0, count >= 0, strings + offset + count <= length else { return nil }
        return UnsafeRawBufferPointer(start: base + strings + offset, count: count)
    }

    private func string(at offset: Int, count: Int) -> String? {
        bytes(at: offset, count: count).map { String(decoding: $0, as: UTF8.self) }
    }

    /// Byte order, the order the writer sorted by.
    private static func compare(_ left: UnsafeRawBufferPointer, _ right: UnsafeRawBufferPointer) -> Int32 {
        let common = min(left.count, right.count)
        if common > 0, let a = left.baseAddress, let b = right.baseAddress {
            let result = memcmp(a, b, common)
            if result != 0 { return result }
        }
        return left.count == right.count ? 0 : left.count < right.count ? -1 : 1
    }

    /// Binary search over `count` records, each keyed by a string whose (offset, length) `key` reads.
    private func search(_ key: UnsafeRawBufferPointer, count: Int, _ keyOf: (Int) -> (Int, Int)) -> Int? {
        var (low, high) = (0, count)
        while low < high {
            let middle = (low + high) / 2
            let (offset, size) = keyOf(middle)
            guard let bytes = bytes(at: offset, count: size) else { return nil }
            let order = Self.compare(bytes, key)
            if order == 0 { return middle }
            if order < 0 { low = middle + 1 } else { high = middle }
        }
        return nil
    }

    private func productRecord(_ index: Int) -> Int { products + index * Self.productSize }

    /// The record number of a product file's name (as in `content/products/`), or nil.
    func index(ofName name: UnsafeRawBufferPointer) -> Int? {
        search(name, count: productCount) { (u32(productRecord($0)), u32(productRecord($0) + 4)) }
    }

    func index(ofName name: String) -> Int? {
        var name = name
        return name.withUTF8 { index(ofName: UnsafeRawBufferPointer($0)) }
    }

    /// The record number of the product with this handle, or nil.
    func index(ofHandle handle: String) -> Int? {
        var handle = handle
        return handle.withUTF8 { key in
            search(UnsafeRawBufferPointer(key), count: productCount) {
                let number = u32(handles + 4 * $0)
                guard number < productCount else { return (-1, 0) }  // damaged: the search answers nil
                return (u32(productRecord(number) + 8), u32(productRecord(number) + 12))
            }.map { u32(handles + 4 * $0) }
        }
    }

    /// The file name of a record, its bytes in place; nil when it is damaged.
    func name(at index: Int) -> UnsafeRawBufferPointer? {
        guard index >= 0, index < productCount else { return nil }
        return bytes(at: u32(productRecord(index)), count: u32(productRecord(index) + 4))
    }

    /// The stamp a record holds, read in place.
    func stamp(at index: Int) -> FileStamp? {
        let record = productRecord(index)
        guard u32(record + 20) & 2 != 0 else { return nil }
        return FileStamp(size: Int64(bitPattern: u64(record + 24)), modified: Int64(bitPattern: u64(record + 32)))
    }

    /// A whole product record, decoded; nil when it is damaged.
    func product(at index: Int) -> Product? {
        guard index >= 0, index < productCount else { return nil }
        let record = productRecord(index)
        guard let name = string(at: u32(record), count: u32(record + 4)),
            let handle = string(at: u32(record + 8), count: u32(record + 12)),
            let related = relatedList(at: u32(record + 16))
        else { return nil }
        return Product(
            name: name, handle: handle, stamp: stamp(at: index), signature: u64(record + 40), soldOut: u32(record + 20) & 1 != 0,
            related: related)
    }

    private func relatedList(at offset: Int) -> [String]? {
        guard let countBytes = bytes(at: offset, count: 4) else { return nil }
        var position = offset + 4
        var list: [String] = []
        for _ in 0..<Int(UInt32(littleEndian: countBytes.loadUnaligned(as: UInt32.self))) {
            guard let sizeBytes = bytes(at: position, count: 4) else { return nil }
            let size = Int(UInt32(littleEndian: sizeBytes.loadUnaligned(as: UInt32.self)))
            guard let value = string(at: position + 4, count: size) else { return nil }
            list.append(value)
            position += 4 + size
        }
        return list
    }

    /// The fingerprint of the page written at `path` by the last whole build, or nil.
    func pageFingerprint(_ path: String) -> UInt64? {
        var path = path
        let record = { (index: Int) in self.pages + index * Self.pageSize }
        return path.withUTF8 { key in
            search(UnsafeRawBufferPointer(key), count: pageCount) { (u32(record($0)), u32(record($0) + 4)) }.map { u64(record($0) + 8) }
        }
    }
}

import Foundation
import Glibc
import ShelfConfig

/// Appends values in a fixed little-endian layout.
struct BinaryWriter {
    private(set) var bytes: [UInt8] = []
    /// Where ``flush(atLeast:)`` sends the bytes, for a writer made by ``replace(_:_:)``.
    fileprivate var file: BinaryFile?

    mutating func uint32(_ value: UInt32) { withUnsafeBytes(of: value.littleEndian) { bytes += $0 } }
    mutating func uint64(_ value: UInt64) { withUnsafeBytes(of: value.littleEndian) { bytes += $0 } }
    mutating func int64(_ value: Int64) { uint64(UInt64(bitPattern: value)) }
    mutating func bool(_ value: Bool) { bytes.append(value ? 1 : 0) }

    mutating func string(_ value: String) {
        uint32(UInt32(value.utf8.count))
        bytes += value.utf8
    }

    mutating func optional(_ value: String?) {
        bool(value != nil)
        if let value { string(value) }
    }

    /// Appends bytes as they are.
    mutating func raw(_ values: [UInt8]) { bytes += values }

    /// Appends text as its bare UTF-8, for files that are text rather than records.
    mutating func append(_ text: String) { bytes += text.utf8 }

    mutating func strings(_ values: [String]) {
        uint32(UInt32(values.count))
        for value in values { string(value) }
    }
}

extension BinaryWriter {
    /// Writes the bytes to a temporary file and renames it over `path`.
    func replace(_ path: String) throws {
        try Self.replace(path) { writer in try writer.file?.write(bytes) }
    }

    /// Writes a file in pieces: `write` appends to the writer and calls ``flush(atLeast:)``
    /// between records, so a cache of many mebibytes never sits whole in memory (nor twice, as
    /// a copy for the file system would). The file replaces `path` only once all of it is written.
    static func replace(_ path: String, _ write: (inout BinaryWriter) throws -> Void) throws {
        let temporary = path + ".tmp"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw SiteError(path, "cannot be written (\(String(cString: strerror(errno))))") }
        do {
            defer { close(descriptor) }
            var writer = BinaryWriter()
            writer.file = BinaryFile(descriptor: descriptor, path: path)
            try write(&writer)
            try writer.flush(atLeast: 0)
        } catch {
            unlink(temporary)
            throw error
        }
        guard rename(temporary, path) == 0 else { throw SiteError(path, "cannot be written") }
    }

    /// Hands the bytes gathered so far to the file once they pass `atLeast` bytes; a writer
    /// without a file keeps them.
    mutating func flush(atLeast: Int = 1 << 20) throws {
        guard let file, bytes.count >= atLeast else { return }
        try file.write(bytes)
        bytes.removeAll(keepingCapacity: true)
    }
}

/// The open file a streaming ``BinaryWriter`` writes to.
struct BinaryFile {
    let descriptor: Int32
    let path: String

    func write(_ bytes: [UInt8]) throws {
        let complete = writeAll(bytes, to: descriptor)
        guard complete else { throw SiteError(path, "cannot be written (\(String(cString: strerror(errno))))") }
    }
}

/// Reads what `BinaryWriter` wrote; a short or damaged input sets `failed` instead of trapping.
struct BinaryReader {
    let bytes: [UInt8]
    private var offset = 0
    private(set) var failed = false

    init(bytes: [UInt8]) { self.bytes = bytes }

    /// Reads a whole file straight into the reader's buffer (one copy of it in memory, not two
    /// as `Data` then `[UInt8]` would make); nil when it cannot be read.
    init?(contentsOf path: String) {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { return nil }
        let size = Int(info.st_size)
        var complete = true
        let bytes = [UInt8](unsafeUninitializedCapacity: size) { buffer, initialized in
            while initialized < size {
                let count = read(descriptor, buffer.baseAddress! + initialized, size - initialized)
                if count < 0, errno == EINTR { continue }
                guard count > 0 else {
                    complete = false
                    return
                }
                initialized += count
            }
        }
        guard complete else { return nil }
        self.init(bytes: bytes)
    }

    private mutating func take(_ count: Int) -> ArraySlice<UInt8>? {
        guard !failed, count >= 0, offset + count <= bytes.count else {
            failed = true
            return nil
        }
        defer { offset += count }
        return bytes[offset..<offset + count]
    }

    mutating func uint64() -> UInt64 {
        guard let slice = take(8) else { return 0 }
        return UInt64(littleEndian: slice.withUnsafeBytes { $0.loadUnaligned(as: UInt64.self) })
    }

    mutating func uint32() -> UInt32 {
        guard let slice = take(4) else { return 0 }
        return UInt32(littleEndian: slice.withUnsafeBytes { $0.loadUnaligned(as: UInt32.self) })
    }

    mutating func int64() -> Int64 { Int64(bitPattern: uint64()) }
    mutating func bool() -> Bool { take(1)?.first == 1 }

    mutating func string() -> String {
        let count = Int(uint32())
        guard let slice = take(count) else { return "" }
        return String(decoding: slice, as: UTF8.self)
    }

    mutating func optional() -> String? { bool() ? string() : nil }

    mutating func strings() -> [String] {
        let count = Int(uint32())
        guard count <= bytes.count else {
            failed = true
            return []
        }
        return (0..<count).map { _ in string() }
    }
}

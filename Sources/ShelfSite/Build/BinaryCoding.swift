import Foundation
import Glibc
import ShelfConfig

/// Appends values in a fixed little-endian layout.
struct BinaryWriter {
    private(set) var bytes: [UInt8] = []

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
        let temporary = path + ".tmp"
        try Data(bytes).write(to: URL(fileURLWithPath: temporary))
        guard rename(temporary, path) == 0 else { throw SiteError(path, "cannot be written") }
    }
}

/// Reads what `BinaryWriter` wrote; a short or damaged input sets `failed` instead of trapping.
struct BinaryReader {
    let bytes: [UInt8]
    private var offset = 0
    private(set) var failed = false

    init(bytes: [UInt8]) { self.bytes = bytes }

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

import CDeflate
import Synchronization

/// Gzip compression for the `.gz` copies web servers can send as they are. The only file that
/// calls libdeflate.
///
/// libdeflate compresses a whole buffer at once: at level 6, zlib's default, it took 3.4 s of
/// CPU where zlib took 7.5 s for the pages of a 10,000-product store, for 0.4 % more bytes
/// (bench/README.md, "Pre-compressed copies").
enum Gzip {
    /// zlib's default level, and libdeflate's.
    static let level: Int32 = 6

    /// Compresses `input`; the header carries no time or name, so output is reproducible.
    /// Empty when libdeflate cannot get the memory it needs.
    static func compress(_ input: [UInt8]) -> [UInt8] {
        guard let compressor = Compressors.shared.take() else { return [] }
        defer { Compressors.shared.give(compressor) }
        var output = [UInt8](repeating: 0, count: libdeflate_gzip_compress_bound(compressor, input.count))
        let written = input.withUnsafeBytes { source in
            output.withUnsafeMutableBytes { target in
                libdeflate_gzip_compress(compressor, source.baseAddress, source.count, target.baseAddress, target.count)
            }
        }
        guard written > 0 else { return [] }
        output.removeSubrange(written...)
        return output
    }
}

/// libdeflate compressors kept for reuse: each holds a few hundred kilobytes of tables, and
/// one may only be used by one thread at a time, so each build thread takes one and gives it back.
private final class Compressors: Sendable {
    static let shared = Compressors()

    private let idle = Mutex<[Compressor]>([])

    /// An idle compressor, or a new one; nil when there is no memory for one.
    func take() -> OpaquePointer? {
        if let reused = idle.withLock({ $0.popLast() }) { return reused.pointer }
        return libdeflate_alloc_compressor(Gzip.level)
    }

    func give(_ pointer: OpaquePointer) {
        idle.withLock { $0.append(Compressor(pointer: pointer)) }
    }
}

/// A compressor handed between threads, only ever used by the thread that took it.
private struct Compressor: @unchecked Sendable {
    let pointer: OpaquePointer
}

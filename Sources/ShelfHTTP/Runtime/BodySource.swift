/// Where a request body is read from: the process's stdin under CGI, the FastCGI stream, or
/// bytes in a test.
public protocol BodySource {
    /// Exactly `count` bytes, or nil when the stream ends first.
    mutating func read(_ count: Int) -> [UInt8]?
}

/// A body already in memory.
public struct BytesBody: BodySource {
    private var bytes: [UInt8]

    public init(_ bytes: [UInt8]) {
        self.bytes = bytes
    }

    public mutating func read(_ count: Int) -> [UInt8]? {
        guard bytes.count >= count else { return nil }
        defer { bytes.removeFirst(count) }
        return Array(bytes.prefix(count))
    }
}

/// An HMAC-SHA256 key made ready once (RFC 2104): the SHA-256 states after its inner and outer
/// padded blocks, so that each message under it costs its own blocks and the outer hash only.
///
/// For a key that signs many messages, as a process's visitor salt signs every event of a day:
/// ``Digest/hmacSHA256(key:message:)`` pads and hashes the key again on every call.
///
/// ```swift
/// let key = HMACSHA256Key(Array(salt.utf8))
/// let mac = key.authenticationCode(for: Array("message".utf8))
/// ```
public struct HMACSHA256Key: Sendable {
    private let inner: [UInt32]
    private let outer: [UInt32]

    /// Readies `key`: a key longer than a block is hashed first, a shorter one padded with zeros.
    public init(_ key: [UInt8]) {
        var block = key.count > 64 ? SHA256.hash(key) : key
        block += [UInt8](repeating: 0, count: 64 - block.count)
        inner = SHA256.state(afterBlock: block.map { $0 ^ 0x36 })
        outer = SHA256.state(afterBlock: block.map { $0 ^ 0x5c })
    }

    /// The HMAC-SHA256 of `message` under this key, 32 bytes.
    public func authenticationCode(for message: [UInt8]) -> [UInt8] {
        let innerDigest = SHA256.hash(message, continuing: inner, after: 64)
        return SHA256.hash(innerDigest, continuing: outer, after: 64)
    }
}

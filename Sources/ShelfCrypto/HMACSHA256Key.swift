/// An HMAC-SHA256 key made ready once (RFC 2104): the SHA-256 states after its inner and outer
/// padded blocks, so that each message under it costs its own blocks and the outer hash only.
///
/// For a key that signs many messages, as a process's visitor salt signs every event of a day:
/// ``Digest/hmacSHA256(key:message:)`` pads and hashes the key again on every call.
///
/// ```swift
/// let key = HMACSHA256Key(Array(salt.utf8))
/// let mac = key.authenticationCode(for: Array("message".utf8))
/// let token = key.authenticationCode(forUTF8Of: "form:", sessionHash)
/// ```
///
/// Two keys are equal when their padded keys are: they give every message the same code.
public struct HMACSHA256Key: Sendable, Equatable {
    private let inner: SHA256.State
    private let outer: SHA256.State

    /// Readies `key`: a key longer than a block is hashed first, a shorter one padded with zeros.
    public init(_ key: [UInt8]) {
        var block = key.count > 64 ? SHA256.hash(key) : key
        block += [UInt8](repeating: 0, count: 64 - block.count)
        inner = SHA256.state(afterBlock: block.map { $0 ^ 0x36 })
        outer = SHA256.state(afterBlock: block.map { $0 ^ 0x5c })
    }

    /// The HMAC-SHA256 of `message` under this key, 32 bytes.
    public func authenticationCode(for message: [UInt8]) -> [UInt8] {
        var hasher = SHA256(continuing: inner, after: 64)
        hasher.update(message)
        return outerHash(of: hasher)
    }

    /// The HMAC-SHA256 of the UTF-8 of `parts` one after the other, 32 bytes: the same code as
    /// for the joined bytes, without joining them (a form token's `form:` and session hash).
    public func authenticationCode(forUTF8Of parts: String...) -> [UInt8] {
        var hasher = SHA256(continuing: inner, after: 64)
        for part in parts { hasher.update(part) }
        return outerHash(of: hasher)
    }

    private func outerHash(of innerHasher: consuming SHA256) -> [UInt8] {
        var hasher = SHA256(continuing: outer, after: 64)
        innerHasher.finish().withDigest { hasher.update($0) }
        return hasher.finish().bytes
    }
}

/// SHA-256 and HMAC-SHA256, and a comparison that takes the same time wherever two values
/// differ. Written in Swift (``SHA256``): the functions hash a few short values per request,
/// and loading libcrypto for them cost a CGI request more than everything else it hashes.
///
/// ```swift
/// let stored = Digest.sha256Hex(token)
/// let mac = Digest.hmacSHA256(key: secret, message: Array("payload".utf8))
/// ```
public enum Digest {
    /// The SHA-1 of `bytes`, 20 bytes; for TOTP and its test vectors only (see ``hmacSHA1(key:message:)``).
    public static func sha1(_ bytes: [UInt8]) -> [UInt8] {
        SHA1.hash(bytes)
    }

    /// The SHA-256 of `bytes`.
    public static func sha256(_ bytes: [UInt8]) -> [UInt8] {
        SHA256.hash(bytes)
    }

    /// The SHA-256 of the UTF-8 of `text`, as 64 lower-case hex digits.
    public static func sha256Hex(_ text: String) -> String {
        var hasher = SHA256()
        hasher.update(text)
        return hasher.finish().withDigest { Hex.encode($0) }
    }

    /// The HMAC-SHA256 of `message` under `key` (RFC 2104).
    public static func hmacSHA256(key: [UInt8], message: [UInt8]) -> [UInt8] {
        HMACSHA256Key(key).authenticationCode(for: message)
    }

    /// The HMAC-SHA1 of `message` under `key` (RFC 2104), 20 bytes: what TOTP codes are made of
    /// (RFC 6238). Use SHA-256 for anything else.
    public static func hmacSHA1(key: [UInt8], message: [UInt8]) -> [UInt8] {
        hmac(key: key, message: message, hash: SHA1.hash)
    }

    /// HMAC over a hash with 64-byte blocks: a key longer than a block is hashed first, a
    /// shorter one padded with zeros.
    private static func hmac(key: [UInt8], message: [UInt8], hash: ([UInt8]) -> [UInt8]) -> [UInt8] {
        var block = key.count > 64 ? hash(key) : key
        block += [UInt8](repeating: 0, count: 64 - block.count)
        let inner = hash(block.map { $0 ^ 0x36 } + message)
        return hash(block.map { $0 ^ 0x5c } + inner)
    }

    /// True when `a` and `b` are equal, compared in time that depends only on their lengths:
    /// every byte is looked at, and no branch depends on what it holds.
    public static func constantTimeEquals(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        a.withUnsafeBufferPointer { a in b.withUnsafeBufferPointer { b in equalInConstantTime(a, b) } }
    }

    /// True when the UTF-8 of `a` and `b` is equal, in time that depends only on their lengths
    /// as for byte arrays; read in place, without copying either (a form token, on every change).
    public static func constantTimeEquals(_ a: String, _ b: String) -> Bool {
        var (a, b) = (a, b)
        return a.withUTF8 { a in b.withUTF8 { b in equalInConstantTime(a, b) } }
    }

    private static func equalInConstantTime(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Bool {
        guard a.count == b.count else { return false }
        var difference: UInt8 = 0
        for index in a.indices { difference |= a[index] ^ b[index] }
        return difference == 0
    }
}

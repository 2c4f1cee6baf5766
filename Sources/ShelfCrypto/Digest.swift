import CCrypto

/// SHA-256 and HMAC-SHA256 through OpenSSL's libcrypto, and a comparison that takes the same
/// time wherever two values differ.
///
/// The digests use libcrypto's SHA-256 directly rather than EVP, whose first use in a process
/// costs a CGI request more than everything else it hashes (see `CCrypto/shim.h`).
///
/// ```swift
/// let stored = Digest.sha256Hex(token)
/// let mac = Digest.hmacSHA256(key: secret, message: Array("payload".utf8))
/// ```
public enum Digest {
    /// The SHA-256 of `bytes`.
    public static func sha256(_ bytes: [UInt8]) -> [UInt8] {
        var digest = [UInt8](repeating: 0, count: 32)
        bytes.withUnsafeBytes { input in shelf_crypto_sha256(input.baseAddress, input.count, &digest) }
        return digest
    }

    /// The SHA-256 of the UTF-8 of `text`, as 64 lower-case hex digits.
    public static func sha256Hex(_ text: String) -> String {
        Hex.encode(sha256(Array(text.utf8)))
    }

    /// The HMAC-SHA256 of `message` under `key`.
    public static func hmacSHA256(key: [UInt8], message: [UInt8]) -> [UInt8] {
        var mac = [UInt8](repeating: 0, count: 32)
        key.withUnsafeBytes { keyBytes in
            message.withUnsafeBytes { messageBytes in
                shelf_crypto_hmac_sha256(keyBytes.baseAddress, keyBytes.count, messageBytes.baseAddress, messageBytes.count, &mac)
            }
        }
        return mac
    }

    /// True when `a` and `b` are equal, compared in time that depends only on their lengths.
    public static func constantTimeEquals(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        guard a.count == b.count else { return false }
        return a.withUnsafeBytes { left in
            b.withUnsafeBytes { right in CRYPTO_memcmp(left.baseAddress, right.baseAddress, left.count) == 0 }
        }
    }
}

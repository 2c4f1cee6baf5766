import ShelfCrypto

/// HMAC-based one-time codes (RFC 4226), the counter-driven core of ``TOTP``.
public enum HOTP {
    /// The `digits`-digit code (zero-padded) for `counter` under `secret`.
    public static func code(secret: [UInt8], counter: UInt64, digits: Int = 6) -> String {
        let message = (0..<8).map { UInt8(truncatingIfNeeded: counter >> UInt64(56 - 8 * $0)) }
        let mac = Digest.hmacSHA1(key: secret, message: message)
        // Dynamic truncation (§5.3): 31 bits read where the last nibble points.
        let offset = Int(mac[19] & 0x0F)
        let number =
            UInt32(mac[offset] & 0x7F) << 24 | UInt32(mac[offset + 1]) << 16 | UInt32(mac[offset + 2]) << 8 | UInt32(mac[offset + 3])
        var modulus: UInt32 = 1
        for _ in 0..<digits { modulus *= 10 }
        let text = String(number % modulus)
        return String(repeating: "0", count: digits - text.count) + text
    }
}

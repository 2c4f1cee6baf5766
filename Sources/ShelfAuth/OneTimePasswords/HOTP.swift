import ShelfCrypto

/// HMAC-based one-time codes (RFC 4226), the counter-driven core of ``TOTP``.
public enum HOTP {
    /// The `digits`-digit code (zero-padded) for `counter` under `secret`.
    public static func code(secret: [UInt8], counter: UInt64, digits: Int = 6) -> String {
        let message = (0..<8).map { UInt8(truncatingIfNeeded: counter >> UInt64(56 - 8 * $0)) }
        let mac = Digest.hmacSHA1(key: secret, message: message)
        // Dynamic truncation (RFC 4226 §5.3): 31 bits read where the last nibble points.
        let offset = Int(mac[19] & 0x0F)
        let number =
            UInt32(mac[offset] & 0x7F) << 24 | UInt32(mac[offset + 1]) << 16 | UInt32(mac[offset + 2]) << 8 | UInt32(mac[offset + 3])
        var modulus: UInt64 = 1
        for _ in 0..<max(0, min(digits, 10)) { modulus *= 10 }  // the number is below 2³¹, so 10 digits hold it
        let text = String(UInt64(number) % modulus)
        return String(repeating: "0", count: max(0, digits - text.count)) + text
    }
}

import ShelfCrypto

/// Time-based one-time codes (RFC 6238) as authenticator apps make them: HMAC-SHA1, 6 digits,
/// 30-second steps counted from the Unix epoch.
///
/// A code is accepted one step early or late (clocks drift, people type slowly), and never for
/// a step at or before the last one accepted, so an overheard code cannot be replayed:
///
/// ```swift
/// guard let step = TOTP.verify(typed, secret: secret, at: clock.now(), after: account.lastTOTPStep) else {
///     /* wrong, expired or already used */
/// }
/// try store.recordTOTPStep(step, for: account)
/// ```
public enum TOTP {
    /// Seconds per step.
    public static let period: Int64 = 30
    /// Digits per code.
    public static let digits = 6
    /// Steps accepted either side of the current one.
    public static let window: Int64 = 1

    /// The step `unixTime` falls in.
    public static func step(at unixTime: Int64) -> Int64 {
        // Rounded down before the epoch too, without the overflow of subtracting first.
        unixTime / period - (unixTime % period < 0 ? 1 : 0)
    }

    /// The code for `step`.
    public static func code(secret: TOTPSecret, step: Int64) -> String {
        HOTP.code(secret: secret.bytes, counter: UInt64(bitPattern: step), digits: digits)
    }

    /// The code an authenticator app shows at `unixTime`.
    public static func code(secret: TOTPSecret, at unixTime: Int64) -> String {
        code(secret: secret, step: step(at: unixTime))
    }

    /// The step whose code `typed` is (spaces ignored), within ``window`` steps of `unixTime` and
    /// after `lastUsedStep`: the caller records it as the new last used step. Nil when the code
    /// is wrong, out of the window, or already used.
    public static func verify(_ typed: String, secret: TOTPSecret, at unixTime: Int64, after lastUsedStep: Int64?) -> Int64? {
        let code = Array(typed.utf8.filter { $0 != UInt8(ascii: " ") })
        guard code.count == digits, code.allSatisfy({ (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }) else { return nil }
        let now = step(at: unixTime)
        var accepted: Int64?
        // Every candidate is computed and compared in constant time, whichever matches.
        for candidate in (now - window)...(now + window) where candidate > (lastUsedStep ?? .min) {
            if Digest.constantTimeEquals(Array(self.code(secret: secret, step: candidate).utf8), code), accepted == nil {
                accepted = candidate
            }
        }
        return accepted
    }
}

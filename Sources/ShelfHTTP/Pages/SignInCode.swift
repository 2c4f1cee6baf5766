public import ShelfCrypto
public import ShelfStore

/// The six-digit codes of "email me a sign-in code": a code derived from a random nonce with the
/// store's session key, like ``AccountLink``'s secrets.
///
/// The account function makes the nonce and stores only the code's keyed hash; the outbox row
/// keeps the nonce, and the mail deliverer, holding the same key, derives the code again.
///
/// ```swift
/// let request = SignInCode.issue(context.random, key: context.secrets.sessionKey)
/// try store.requestSignInCode(email: email, code: request, now: now)
/// ```
public enum SignInCode {
    /// A new nonce, with what the store records for it.
    public static func issue(_ random: any RandomSource, key: [UInt8]) -> SignInCodeRequest {
        let nonce = Base64URL.encode(random.bytes(16))
        return SignInCodeRequest(hash: hash(code(nonce: nonce, key: key), key: key), nonce: nonce)
    }

    /// The code for `nonce`: six digits, leading zeros kept.
    public static func code(nonce: String, key: [UInt8]) -> String {
        let mac = Digest.hmacSHA256(key: key, message: Array("sign-in-code:\(nonce)".utf8))
        // 64 bits reduced to a million: no code is favoured by more than 1 in 10^13.
        let value = mac.prefix(8).reduce(UInt64(0)) { $0 << 8 | UInt64($1) } % 1_000_000
        let digits = String(value)
        return String(repeating: "0", count: 6 - digits.count) + digits
    }

    /// What the store keeps of a code, and compares a typed one with: an HMAC under the key, so
    /// the database alone cannot be searched for the code.
    public static func hash(_ code: String, key: [UInt8]) -> String {
        Hex.encode(Digest.hmacSHA256(key: key, message: Array("sign-in-code-hash:\(code)".utf8)))
    }

    /// The typed code with spaces removed, or nil when it is not six digits.
    public static func normalized(_ typed: String) -> String? {
        let digits = typed.filter { $0 != " " }
        guard digits.utf8.count == 6, digits.utf8.allSatisfy({ (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }) else { return nil }
        return digits
    }
}

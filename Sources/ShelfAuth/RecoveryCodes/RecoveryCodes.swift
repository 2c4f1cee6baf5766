public import ShelfCrypto

/// The single-use codes a shopper keeps to sign in when their authenticator app is lost: ten of
/// them, each ten characters from an alphabet without look-alikes (no 0, 1, i, l, o), shown
/// `xxxxx-xxxxx`. About 49 bits each: guessing is slowed by the login limits long before.
///
/// ```swift
/// let codes = RecoveryCodes.generate(using: context.random)  // show once, store hashes
/// if let code = RecoveryCodes.normalized(form["code"]) { /* hash it, compare with the stored ones */ }
/// ```
public enum RecoveryCodes {
    /// Codes per set.
    public static let count = 10
    static let alphabet = Array("23456789abcdefghjkmnpqrstuvwxyz".utf8)
    static let length = 10

    /// A new set of ``count`` codes from `random`, in their `xxxxx-xxxxx` form.
    public static func generate(using random: any RandomSource) -> [String] {
        (0..<count).map { _ in
            // 64 random bits read as ten base-31 digits; 31^10 divides 2^64 so nearly evenly that
            // no letter is favoured by more than 1 in 20,000.
            var value = random.bytes(8).reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
            var characters: [UInt8] = []
            for _ in 0..<length {
                characters.append(alphabet[Int(value % UInt64(alphabet.count))])
                value /= UInt64(alphabet.count)
            }
            return grouped(characters)
        }
    }

    /// What the shopper typed, as the `xxxxx-xxxxx` form that was shown and stored: case,
    /// spaces and dashes do not matter. Nil when it cannot be a recovery code.
    public static func normalized(_ typed: String) -> String? {
        guard typed.utf8.count <= 64 else { return nil }
        let characters = typed.lowercased().utf8.filter { $0 != UInt8(ascii: " ") && $0 != UInt8(ascii: "-") }
        guard characters.count == length, characters.allSatisfy(alphabet.contains) else { return nil }
        return grouped(characters)
    }

    private static func grouped(_ characters: [UInt8]) -> String {
        String(decoding: characters.prefix(5) + [UInt8(ascii: "-")] + characters.dropFirst(5), as: UTF8.self)
    }
}

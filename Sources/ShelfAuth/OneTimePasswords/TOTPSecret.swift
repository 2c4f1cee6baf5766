import ShelfCore
public import ShelfCrypto

/// The secret a shopper's authenticator app shares with the store for TOTP: 20 random bytes
/// (160 bits, RFC 4226's recommended length), shown and stored as base32.
///
/// ```swift
/// let secret = TOTPSecret.generate(using: context.random)
/// let uri = secret.otpauthURI(issuer: config.name, account: email.text)
/// ```
public struct TOTPSecret: Sendable, Hashable {
    /// The number of random bytes in a new secret.
    public static let length = 20

    /// The raw key.
    public let bytes: [UInt8]

    public init(bytes: [UInt8]) {
        self.bytes = bytes
    }

    /// The secret in base32 text (as stored, or typed by hand), nil when it is not base32 or empty.
    public init?(base32: String) {
        guard let bytes = Base32.decode(base32), !bytes.isEmpty else { return nil }
        self.bytes = bytes
    }

    /// A new secret from `random`.
    public static func generate(using random: any RandomSource) -> TOTPSecret {
        TOTPSecret(bytes: random.bytes(length))
    }

    /// The secret as base32, upper case, unpadded: what to store, and what a shopper types
    /// when they cannot scan the QR code.
    public var base32: String { Base32.encode(bytes) }

    /// The `otpauth://totp/ISSUER:ACCOUNT?secret=…&issuer=…` URI that authenticator apps read
    /// from a QR code. Every character outside RFC 3986's unreserved set is percent-encoded, in
    /// the label and the query alike, so a `:`, `&` or space in a store's name cannot split it.
    public func otpauthURI(issuer: String, account: String) -> String {
        let issuer = PercentEncoding.encode(issuer)
        return "otpauth://totp/\(issuer):\(PercentEncoding.encode(account))?secret=\(base32)&issuer=\(issuer)"
    }
}

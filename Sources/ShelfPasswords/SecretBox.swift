import CSodium

/// Seals small secrets under a 32-byte key with libsodium's `crypto_secretbox_easy`
/// (XSalsa20-Poly1305): what is sealed is the 24-byte nonce followed by the ciphertext and its
/// 16-byte tag, so one stored value carries everything but the key.
///
/// ```swift
/// let box = try SecretBox(key: secrets.totpKey)
/// let sealed = box.seal(secret.bytes, nonce: random.bytes(SecretBox.nonceLength))
/// let opened = box.open(sealed)   // nil for another key, or a sealed value altered
/// ```
public struct SecretBox: Sendable {
    /// Bytes of a key: 32.
    public static let keyLength = Int(crypto_secretbox_keybytes())
    /// Bytes of a nonce: 24, random for every seal.
    public static let nonceLength = Int(crypto_secretbox_noncebytes())
    /// Bytes the tag adds to a message: 16.
    static let tagLength = Int(crypto_secretbox_macbytes())

    private let key: [UInt8]

    /// A box under `key`; throws when the key is not ``keyLength`` bytes.
    public init(key: [UInt8]) throws(SecretBoxError) {
        guard key.count == Self.keyLength else { throw SecretBoxError("the key must be \(Self.keyLength) bytes") }
        Sodium.start()
        self.key = key
    }

    /// `nonce`, then `message` encrypted and authenticated under the key with that nonce; the
    /// nonce must be ``nonceLength`` random bytes never used with this key before.
    public func seal(_ message: [UInt8], nonce: [UInt8]) -> [UInt8] {
        precondition(nonce.count == Self.nonceLength, "a secretbox nonce is \(Self.nonceLength) bytes")
        var box = [UInt8](repeating: 0, count: message.count + Self.tagLength)
        // Cannot fail: the lengths are checked above.
        _ = crypto_secretbox_easy(&box, message, UInt64(message.count), nonce, key)
        return nonce + box
    }

    /// The message a ``seal(_:nonce:)`` of this key made; nil when `sealed` is too short, was
    /// made under another key, or was altered.
    public func open(_ sealed: [UInt8]) -> [UInt8]? {
        guard sealed.count >= Self.nonceLength + Self.tagLength else { return nil }
        let nonce = Array(sealed.prefix(Self.nonceLength))
        let box = Array(sealed.dropFirst(Self.nonceLength))
        var message = [UInt8](repeating: 0, count: box.count - Self.tagLength)
        guard crypto_secretbox_open_easy(&message, box, UInt64(box.count), nonce, key) == 0 else { return nil }
        return message
    }
}

/// A ``SecretBox`` cannot be made: its key has the wrong length.
public struct SecretBoxError: Error, CustomStringConvertible {
    public let description: String
    init(_ description: String) { self.description = description }
}

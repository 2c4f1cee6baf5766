import ShelfAuth
import ShelfConfig
import ShelfCrypto
import ShelfHTTP
import ShelfPasswords
import ShelfStore

/// The accounts' TOTP secrets as the database keeps them: sealed with libsodium's secretbox
/// (XSalsa20-Poly1305) under the secrets file's `totp_key`, stored as `secretbox:` and the hex
/// of the random nonce, the ciphertext and its tag. A copy of the database alone cannot make
/// codes.
///
/// A row written before sealing holds the base32 secret as is: it is still read, and sealed
/// in its place the next time it is read with the key at hand.
enum TOTPSealing {
    static let prefix = "secretbox:"

    /// The value to store for `secret`; a 503 when the secrets file has no `totp_key`.
    static func seal(_ secret: TOTPSecret, _ context: FunctionContext) throws -> String {
        let sealed = try box(context).seal(secret.bytes, nonce: context.random.bytes(SecretBox.nonceLength))
        return prefix + Hex.encode(sealed)
    }

    /// The secret of the account with two-factor on, to check a code against; nil when it
    /// cannot be opened (another key, an altered row, no key), which is logged: no app code
    /// then proves anything, and the recovery codes still work.
    static func secret(of customerID: Int64, stored: String, in store: Store, _ context: FunctionContext) throws -> TOTPSecret? {
        guard stored.hasPrefix(prefix) else {
            guard let secret = TOTPSecret(base32: stored) else {
                context.log("the TOTP secret of account \(customerID) is neither sealed nor base32; its app codes are refused")
                return nil
            }
            if context.secrets.totpKey != nil {
                try store.replaceTOTPSecret(customerID: customerID, stored, with: try seal(secret, context))
            }
            return secret
        }
        guard let key = context.secrets.totpKey else {
            context.log(
                "the TOTP secret of account \(customerID) is sealed but the secrets file has no totp_key; its app codes are refused")
            return nil
        }
        guard let sealed = Hex.decode(String(stored.dropFirst(prefix.count))), let bytes = try SecretBox(key: key).open(sealed),
            bytes.count == TOTPSecret.length
        else {
            context.log(
                "the TOTP secret of account \(customerID) does not open with totp_key (another key, or altered); its app codes are refused")
            return nil
        }
        return TOTPSecret(bytes: bytes)
    }

    /// Throws the 503 of ``seal(_:_:)`` before a shopper scans a QR code that could not be kept.
    static func requireKey(_ context: FunctionContext) throws {
        _ = try box(context)
    }

    private static func box(_ context: FunctionContext) throws -> SecretBox {
        guard let key = context.secrets.totpKey else {
            throw HTTPError(
                503, "Two-step sign-in cannot be turned on right now. Please try again later.",
                log: "\(context.config.secretsFile) has no totp_key to seal TOTP secrets with; run `shelf secrets init` to add one")
        }
        return try SecretBox(key: key)
    }
}

import CSodium

/// Hashes and verifies shoppers' passwords with Argon2id (libsodium's `crypto_pwhash`), as PHC
/// strings (`$argon2id$v=19$m=19456,t=2,p=1$salt$hash`) that carry their own parameters.
///
/// ```swift
/// let hasher = PasswordHasher.owasp
/// let stored = try hasher.hash("correct horse")
/// if hasher.verify("correct horse", against: stored) && hasher.needsRehash(stored) { ... }
/// ```
///
/// The parameters are OWASP's minimum for Argon2id: 19 MiB of memory, 2 passes, one lane
/// (libsodium always uses one). A stored hash made with other parameters still verifies, and
/// ``needsRehash(_:)`` says to store a new one at the next successful login.
public struct PasswordHasher: Sendable {
    /// Passes over memory (`t`).
    public let opsLimit: Int
    /// Bytes of memory (`m`, in KiB in the PHC string).
    public let memLimit: Int

    /// Argon2id with m = 19 MiB, t = 2, p = 1.
    public static let owasp = PasswordHasher(opsLimit: 2, memLimit: 19 * 1024 * 1024)

    public init(opsLimit: Int, memLimit: Int) {
        Sodium.start()
        self.opsLimit = opsLimit
        self.memLimit = memLimit
    }

    /// The PHC string of `password` under a fresh random salt.
    ///
    /// Throws when libsodium cannot get the memory it needs; the password is never logged.
    public func hash(_ password: String) throws(PasswordHashError) -> String {
        var out = [CChar](repeating: 0, count: crypto_pwhash_strbytes())
        let length = UInt64(password.utf8.count)
        let status = password.withCString { chars in
            crypto_pwhash_str_alg(&out, chars, length, UInt64(opsLimit), memLimit, crypto_pwhash_alg_argon2id13())
        }
        guard status == 0 else { throw PasswordHashError() }
        return String(decoding: out.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// True when `password` is the one `stored` was made from; false for a wrong password and for
    /// a string that is no hash at all.
    public func verify(_ password: String, against stored: String) -> Bool {
        var phc = Array(stored.utf8CString)
        guard phc.count <= crypto_pwhash_strbytes() else { return false }
        phc += [CChar](repeating: 0, count: crypto_pwhash_strbytes() - phc.count)
        let length = UInt64(password.utf8.count)
        return password.withCString { chars in crypto_pwhash_str_verify(&phc, chars, length) == 0 }
    }

    /// True when `stored` was made with other parameters (or another algorithm) than these, so
    /// the password should be hashed again once it has been verified.
    public func needsRehash(_ stored: String) -> Bool {
        var phc = Array(stored.utf8CString)
        guard phc.count <= crypto_pwhash_strbytes() else { return true }
        phc += [CChar](repeating: 0, count: crypto_pwhash_strbytes() - phc.count)
        return crypto_pwhash_str_needs_rehash(&phc, UInt64(opsLimit), memLimit) != 0
    }

    /// Does the work of one ``verify(_:against:)`` and returns false, for a login whose email
    /// names no account: the answer then takes as long as a wrong password's.
    public func verifyDummy(_ password: String) -> Bool {
        _ = verify(password, against: Self.dummyHash)
        return false
    }

    /// A fixed hash with the OWASP parameters, of a password no login guesses; fixed rather than
    /// made at start-up, so a CGI process for an unknown email hashes once, like any other.
    static let dummyHash = "$argon2id$v=19$m=19456,t=2,p=1$4uq7sxDtTM4FLxo+LvRPtw$420nIy+77jiJXNKG9v8rpJTrPOFED+LyvCcgnqBmt2k"
}

/// libsodium could not hash (it could not allocate the memory Argon2id asks for).
public struct PasswordHashError: Error, CustomStringConvertible {
    public var description: String { "the password could not be hashed (out of memory?)" }
}

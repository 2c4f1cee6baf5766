import Foundation

/// What a new password must be: 8 to 128 characters and not one of the 10,000 most common
/// passwords. No other composition rules (NIST SP 800-63B).
///
/// Characters are Unicode code points of the NFC form, so "é" typed composed or as "e" and a
/// combining accent counts, checks and hashes the same.
///
/// ```swift
/// guard let password = PasswordPolicy.normalized(form["password"]) else { /* too long */ }
/// if let reason = PasswordPolicy.problem(with: password) { /* show `reason` to the shopper */ }
/// let hash = try hasher.hash(password)
/// ```
public enum PasswordPolicy {
    /// The fewest characters a new password may have.
    public static let minimumLength = 8
    /// The most characters a new password may have.
    public static let maximumLength = 128

    /// No text canonically equivalent to 128 code points is longer than this many bytes: a code
    /// point decomposes into at most 4, each at most 4 bytes long.
    static let maximumBytes = maximumLength * 4 * 4

    /// The NFC form of `password`, the one to check and to hash (at registration and at login
    /// alike); nil when `password` is too long to be any password Shelf accepts, found before
    /// normalising, so a 1 MB field costs nothing.
    public static func normalized(_ password: String) -> String? {
        guard password.utf8.count <= maximumBytes else { return nil }
        return password.precomposedStringWithCanonicalMapping
    }

    /// Why the shopper cannot choose `password`, in a sentence for them; nil when they can.
    public static func problem(with password: String) -> String? {
        guard let password = normalized(password), password.unicodeScalars.count <= maximumLength else {
            return "Use at most \(maximumLength) characters for your password."
        }
        if password.unicodeScalars.count < minimumLength {
            return "Use at least \(minimumLength) characters for your password."
        }
        if CommonPasswords.contains(password) {
            return "This password is one of the most common ones, which others try first. Choose another."
        }
        return nil
    }
}

import Foundation

/// A shopper's account as the store keeps it.
public struct Customer: Sendable, Hashable {
    /// Who may do what: every account is a customer; admins come with the merchant's pages.
    public enum Role: String, Sendable, Hashable {
        case customer
        case admin
    }

    public let id: Int64
    /// Trimmed and lower-cased (``normalize(email:)``).
    public let email: String
    public let name: String
    /// Argon2id as a PHC string; never the password.
    public let passwordHash: String
    public let role: Role
    /// Unix seconds; nil until the confirmation link is followed. Only confirmed accounts log in.
    public let confirmedAt: Int64?
    /// Unix seconds; set after three failed logins in a row, cleared by the unlock link.
    public let lockedAt: Int64?
    /// Failed logins since the last successful one.
    public let failedLogins: Int
    public let createdAt: Int64

    public var isConfirmed: Bool { confirmedAt != nil }
    public var isLocked: Bool { lockedAt != nil }

    /// An email as accounts are keyed by: trimmed and lower-cased, so `Ann@Example.com ` and
    /// `ann@example.com` are one account.
    public static func normalize(email: String) -> String {
        email.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
    }

    static let columns = "id, email, name, password_hash, role, confirmed_at, locked_at, failed_logins, created_at"

    init(_ row: Row) throws {
        let role = try row.text("role")
        guard let parsed = Role(rawValue: role) else { throw DatabaseError(message: "unknown role \"\(role)\"") }
        id = try row.int64("id")
        email = try row.text("email")
        name = try row.text("name")
        passwordHash = try row.text("password_hash")
        self.role = parsed
        confirmedAt = try row.optionalInt64("confirmed_at")
        lockedAt = try row.optionalInt64("locked_at")
        failedLogins = try row.int("failed_logins")
        createdAt = try row.int64("created_at")
    }
}

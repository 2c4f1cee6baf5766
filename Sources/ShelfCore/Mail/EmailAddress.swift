/// An email address as the store keys accounts by: trimmed of spaces and tabs, lower case, and
/// one the store can both accept and mail, so two spellings of one address find one account.
///
/// ```swift
/// guard let email = EmailAddress(form["email"]) else { /* "Enter an address like name@example.com" */ }
/// let account = try store.account(for: email)
/// ```
public struct EmailAddress: Hashable, Sendable, CustomStringConvertible {
    /// The address, lower case, ready to store and to compare.
    public let text: String

    /// The address in `typed`, or nil when it is not one; see ``isMailable(_:)``. Only spaces and
    /// tabs are trimmed: a line break or NUL anywhere refuses the address.
    public init?(_ typed: String) {
        let trimmed = typed.trimmingCharacters(in: " \t")
        guard Self.isMailable(trimmed) else { return nil }
        text = trimmed.lowercased()
    }

    public var description: String { text }

    /// Whether `text`, as it is, is an address the store can both accept and mail: what
    /// ``MailboxSyntax/problem(email:)`` allows (one `@`, ASCII, at most 254 bytes, no spaces,
    /// control characters or specials), with a dot inside the domain, since a shop's customers
    /// have public addresses.
    public static func isMailable(_ text: String) -> Bool {
        guard MailboxSyntax.problem(email: text) == nil, let domain = text.split(separator: "@").last else { return false }
        return domain.contains(".") && !domain.hasPrefix(".") && !domain.hasSuffix(".")
    }
}

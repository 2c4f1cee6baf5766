import ShelfCore

/// One mailbox: an email address and an optional display name, both checked so that neither can
/// break out of a header or the SMTP envelope.
///
/// ```swift
/// let shopper = try MailAddress(email: "zoe@example.org", name: "Zoë Brennan")
/// let store = try MailAddress.parse("Evergreen <orders@shop.example.com>")
/// ```
public struct MailAddress: Sendable, Hashable {
    /// The bare address, as the SMTP envelope uses it (`zoe@example.org`).
    public private(set) var email: String
    /// The display name, when there is one.
    public private(set) var name: String?

    /// Checks `email` and `name` against ``MailboxSyntax``; an empty name counts as none.
    public init(email: String, name: String? = nil) throws(MailError) {
        if let problem = MailboxSyntax.problem(email: email) { throw MailError("email address", problem) }
        if let name, let problem = MailboxSyntax.problem(name: name) { throw MailError("name", problem) }
        self.email = email
        self.name = name?.isEmpty == true ? nil : name
    }

    /// Reads `Name <email>`, `"Name" <email>` or a bare `email`, as the store's `from` setting is written.
    public static func parse(_ text: String) throws(MailError) -> MailAddress {
        let (name, email) = MailboxSyntax.split(text)
        return try MailAddress(email: email, name: name)
    }

    /// The mailbox as a header writes it: `Name <email>`, `"Name, Inc." <email>` when the name
    /// has specials, an RFC 2047 encoded word when it is not ASCII, or the bare address.
    public var header: String { words.joined(separator: " ") }
}

extension MailAddress {
    /// The words a header folds: the display name's, then `<email>`.
    var words: [String] {
        guard let name else { return [email] }
        return HeaderText.phrase(name) + ["<\(email)>"]
    }
}

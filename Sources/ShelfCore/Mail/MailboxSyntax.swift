/// The rules for a mailbox (`Name <email>` or a bare `email`), in one place, so that `shelf.toml`
/// and mail delivery accept exactly the same senders and recipients.
///
/// The rules are deliberately plainer than RFC 5322: one `@`, ASCII only, no quoted local parts,
/// and never a control character, so no value can break out of a mail header or SMTP command.
public enum MailboxSyntax {
    /// The longest address SMTP allows in a path (RFC 5321).
    public static let maximumEmailLength = 254
    /// The longest display name Shelf writes.
    public static let maximumNameLength = 200

    /// What is wrong with `email`, as the end of a sentence that starts "the email address …";
    /// nil when it can be used.
    public static func problem(email: String) -> String? {
        if let problem = controlProblem(email) { return problem }
        if email.isEmpty { return "is empty" }
        if email.utf8.count > maximumEmailLength { return "is longer than \(maximumEmailLength) characters" }
        if email.contains(where: \.isWhitespace) { return "contains a space" }
        if !email.allSatisfy(\.isASCII) { return "contains a character outside ASCII" }
        if let bad = email.first(where: { "<>,;:\"()[]\\".contains($0) }) { return "contains \"\(bad)\", which an address cannot have" }
        let parts = email.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2 else { return "must have exactly one @, like orders@example.com" }
        if parts[0].isEmpty { return "has nothing before the @" }
        if parts[1].isEmpty { return "has nothing after the @" }
        return nil
    }

    /// What is wrong with a display name, as the end of a sentence that starts "the name …".
    public static func problem(name: String) -> String? {
        if let problem = controlProblem(name) { return problem }
        if name.count > maximumNameLength { return "is longer than \(maximumNameLength) characters" }
        return nil
    }

    /// Splits `Name <email>`, `"Name" <email>` or a bare `email` into its name (nil when absent)
    /// and address, without checking either. Only spaces are trimmed: a line break stays, for
    /// the checks to refuse.
    public static func split(_ text: String) -> (name: String?, email: String) {
        let text = text.trimmingCharacters(in: " ")
        guard text.hasSuffix(">"), let open = text.lastIndex(of: "<") else { return (nil, text) }
        let email = String(text[text.index(after: open)..<text.index(before: text.endIndex)])
        var name = text[..<open].trimmingCharacters(in: " ")
        if name.count >= 2, name.hasPrefix("\""), name.hasSuffix("\"") {
            name = unescaped(name.dropFirst().dropLast())
        }
        return (name.isEmpty ? nil : name, email)
    }

    /// A line break, NUL or other control character would end a header or an SMTP command early.
    private static func controlProblem(_ text: String) -> String? {
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\r", "\n", "\u{2028}", "\u{2029}", "\u{85}": return "contains a line break"
            case "\0": return "contains a NUL character"
            case _ where scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value): return "contains a control character"
            default: continue
            }
        }
        return nil
    }

    /// A quoted string's content with its backslash escapes removed.
    private static func unescaped(_ quoted: Substring) -> String {
        var out = ""
        var escaping = false
        for character in quoted {
            if !escaping, character == "\\" {
                escaping = true
            } else {
                out.append(character)
                escaping = false
            }
        }
        return out
    }
}

extension EmailAddress {
    /// What is wrong with a typed address, as a sentence for the person who typed it; nil when
    /// ``isMailable(_:)`` accepts it (spaces and tabs around it aside). Each mistake people make
    /// gets its own words: no `@` or two, a quoted local part, a non-ASCII (IDN) address, a
    /// trailing dot, a line break, more than 254 characters.
    ///
    /// ```swift
    /// if let problem = EmailAddress.problem(with: typed) { /* show it beside the field */ }
    /// ```
    public static func problem(with typed: String) -> String? {
        let text = typed.trimmingCharacters(in: " \t")
        if text.isEmpty { return "Enter your email address." }
        if text.unicodeScalars.contains(where: { $0.properties.generalCategory == .control || $0 == "\u{2028}" || $0 == "\u{2029}" }) {
            return "An email address cannot contain line breaks or other control characters."
        }
        if text.utf8.count > MailboxSyntax.maximumEmailLength {
            return "This email address is too long: an address has at most \(MailboxSyntax.maximumEmailLength) characters."
        }
        if text.contains("\"") {
            return "Quoted addresses (\"…\"@example.com) cannot be used; enter a plain address like name@example.com."
        }
        if !text.allSatisfy(\.isASCII) {
            return
                "Addresses with accented or non-Latin letters cannot be used yet; enter an address in plain letters, like name@example.com."
        }
        let ats = text.count(where: { $0 == "@" })
        if ats == 0 { return "An email address needs an @, like name@example.com." }
        if ats > 1 { return "An email address has exactly one @; this one has \(ats)." }
        if text.hasSuffix(".") { return "An email address cannot end with a dot." }
        if let problem = MailboxSyntax.problem(email: text) { return "This email address \(problem)." }
        guard isMailable(text) else { return "The part after the @ must be a domain like example.com." }
        return nil
    }
}

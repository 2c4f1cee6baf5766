/// One email, ready to encode and send: who from and to, the subject, a plain text body and an
/// optional HTML alternative.
///
/// Every value that reaches a header is checked here, so an encoded message can never carry an
/// injected header or envelope command.
///
/// ```swift
/// let message = try MailMessage(
///     from: store, to: shopper, subject: "Order 1001 is paid",
///     messageID: "order-1001-paid.3f9c2a@shop.example.com", date: now, text: text, html: html)
/// let bytes = message.encoded()
/// ```
public struct MailMessage: Sendable, Hashable {
    public private(set) var from: MailAddress
    public private(set) var to: MailAddress
    public private(set) var replyTo: MailAddress?
    public private(set) var subject: String
    /// The id without angle brackets (`order-1001-paid.3f9c2a@shop.example.com`); the same
    /// message sent again keeps it, so mailboxes and ``FolderTransport`` see one message.
    public private(set) var messageID: String
    /// When the message was written, in Unix seconds.
    public private(set) var date: Int64
    public private(set) var text: String
    public private(set) var html: String?
    /// The one-click unsubscribe headers of a mailing-list email; nil for a transactional one.
    public var listUnsubscribe: ListUnsubscribe?

    /// Refuses a control character in the subject, and a message id that is not a plain
    /// `left@right` of ASCII letters, digits and `.-_+`: it also names the file a folder keeps.
    public init(
        from: MailAddress, to: MailAddress, subject: String, messageID: String, date: Int64,
        text: String, html: String? = nil, replyTo: MailAddress? = nil
    ) throws(MailError) {
        if let problem = Self.problem(subject: subject) { throw MailError("subject", problem) }
        if let problem = Self.problem(messageID: messageID) { throw MailError("message id", problem) }
        self.from = from
        self.to = to
        self.replyTo = replyTo
        self.subject = subject
        self.messageID = messageID
        self.date = date
        self.text = text
        self.html = html
    }

    /// The SMTP `MAIL FROM` address.
    public var envelopeFrom: String { from.email }

    /// The SMTP `RCPT TO` addresses.
    public var envelopeRecipients: [String] { [to.email] }

    private static func problem(subject: String) -> String? {
        for scalar in subject.unicodeScalars where scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) {
            switch scalar {
            case "\r", "\n", "\u{85}": return "contains a line break"
            case "\0": return "contains a NUL character"
            default: return "contains a control character"
            }
        }
        return subject.count > 500 ? "is longer than 500 characters" : nil
    }

    private static func problem(messageID: String) -> String? {
        let allowed = { (byte: UInt8) in
            (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte) || ".-_+@".utf8.contains(byte)
        }
        guard messageID.utf8.allSatisfy(allowed) else {
            return "may only have ASCII letters, digits and . - _ + @, and no spaces, controls or angle brackets"
        }
        let parts = messageID.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty, !messageID.hasPrefix(".") else {
            return "must look like order-1001-paid.3f9c2a@shop.example.com"
        }
        return messageID.utf8.count > 200 ? "is longer than 200 characters" : nil
    }
}

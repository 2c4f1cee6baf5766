/// A message that was not delivered, with the server's answer or the failure, for the log and
/// the sent log.
public struct MailDeliveryError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The server's reply (`550 5.1.1 <zoe@example.org>: Recipient address rejected`) or the
    /// local or network failure (`Failed to connect to mail.example.com port 587`). Never a secret.
    public var answer: String
    /// True when the server refused this message for good (a 5xx reply to its recipient or its
    /// content), so retrying cannot help; false for 4xx replies, timeouts, refused connections
    /// and settings problems, which may pass once fixed.
    public var isPermanent: Bool
    /// True when the server refused the recipient's address for good (a 5xx reply to `RCPT`):
    /// the address bounces, and campaign mail stops going to it.
    public var isRecipientRefused = false

    public init(_ answer: String, isPermanent: Bool) {
        self.answer = answer
        self.isPermanent = isPermanent
    }

    public var description: String { isPermanent ? "refused for good: \(answer)" : answer }
}

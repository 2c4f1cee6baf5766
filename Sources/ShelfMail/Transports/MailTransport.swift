/// Delivers messages: ``SMTPTransport`` to a mail server, ``FolderTransport`` to `.eml` files.
///
/// `send` returns once the message is accepted; a thrown error says whether trying again later
/// can help.
public protocol MailTransport: Sendable {
    func send(_ message: MailMessage) throws(MailDeliveryError)
}

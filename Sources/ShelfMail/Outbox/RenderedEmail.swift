/// An outbox message rendered for its recipient: what ``OutboxDelivery`` needs besides the
/// addresses.
public struct RenderedEmail: Sendable, Hashable {
    public var subject: String
    public var text: String
    public var html: String?
    /// The recipient's name, when known.
    public var recipientName: String?
    /// The one-click unsubscribe address, for a mailing-list email.
    public var listUnsubscribe: ListUnsubscribe?

    public init(subject: String, text: String, html: String?, recipientName: String?, listUnsubscribe: ListUnsubscribe? = nil) {
        self.listUnsubscribe = listUnsubscribe
        self.subject = subject
        self.text = text
        self.html = html
        self.recipientName = recipientName
    }
}

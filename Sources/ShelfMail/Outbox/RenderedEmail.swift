/// An outbox message rendered for its recipient: what ``OutboxDelivery`` needs besides the
/// addresses.
public struct RenderedEmail: Sendable, Hashable {
    public var subject: String
    public var text: String
    public var html: String?
    /// The recipient's name, when known.
    public var recipientName: String?

    public init(subject: String, text: String, html: String?, recipientName: String?) {
        self.subject = subject
        self.text = text
        self.html = html
        self.recipientName = recipientName
    }
}

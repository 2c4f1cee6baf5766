/// The header pair that lets a mail provider unsubscribe its user in one click (RFC 8058):
/// `List-Unsubscribe` with the HTTPS address, and `List-Unsubscribe-Post`, which tells the
/// provider to POST `List-Unsubscribe=One-Click` there instead of opening it.
///
/// ```swift
/// let unsubscribe = try ListUnsubscribe(url: "https://shop.example/fn/subscribe/unsubscribe?token=7.abc")
/// message.listUnsubscribe = unsubscribe
/// ```
public struct ListUnsubscribe: Sendable, Hashable {
    public let url: String

    /// Refuses an address that is not HTTPS (RFC 8058 requires it) or that could break out of
    /// the header: a control character, a space, or an angle bracket.
    public init(url: String) throws(MailError) {
        guard url.hasPrefix("https://"), url.utf8.count > "https://".utf8.count else {
            throw MailError("List-Unsubscribe", "must be an https:// address (RFC 8058)")
        }
        guard url.utf8.allSatisfy({ $0 > 0x20 && $0 < 0x7F && $0 != UInt8(ascii: "<") && $0 != UInt8(ascii: ">") }) else {
            throw MailError("List-Unsubscribe", "may only have printable ASCII without spaces or angle brackets")
        }
        guard url.utf8.count <= 900 else { throw MailError("List-Unsubscribe", "is longer than 900 characters") }
        self.url = url
    }

    /// The two header fields, as written into the message.
    public var headers: [String] {
        ["List-Unsubscribe: <\(url)>", "List-Unsubscribe-Post: List-Unsubscribe=One-Click"]
    }
}

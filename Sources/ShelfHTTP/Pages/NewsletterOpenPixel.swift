import ShelfCore

/// The optional 1×1 image of a newsletter (`[mail] track_opens = true`): loading it records
/// that the subscriber opened the newsletter. Signed per recipient like ``NewsletterClickLink``.
///
/// ```swift
/// let pixel = NewsletterOpenPixel(newsletter: 3, subscriber: 42)
/// let url = config.baseURL + pixel.path(key: secrets.sessionKey)
/// ```
public struct NewsletterOpenPixel: Hashable, Sendable {
    public var newsletter: Int64
    public var subscriber: Int64

    public init(newsletter: Int64, subscriber: Int64) {
        self.newsletter = newsletter
        self.subscriber = subscriber
    }

    /// The image's address inside the store: `/fn/subscribe/open?n=…&r=…&sig=…`.
    public func path(key: [UInt8]) -> String {
        "/fn/subscribe/open?n=\(newsletter)&r=\(subscriber)&sig="
            + PercentEncoding.encode(NewsletterClickLink.sign(signedText, key: key))
    }

    /// The pixel a request's fields describe, when its signature is right; nil otherwise.
    public init?(fields: [String: String], key: [UInt8]) {
        guard let n = fields["n"], n.count <= 18, let newsletter = Int64(n), newsletter > 0,
            let r = fields["r"], r.count <= 18, let subscriber = Int64(r), subscriber > 0, let signature = fields["sig"]
        else { return nil }
        self.init(newsletter: newsletter, subscriber: subscriber)
        guard NewsletterClickLink.isSigned(signedText, signature: signature, key: key) else { return nil }
    }

    /// A transparent 1×1 GIF, 43 bytes: what the address always answers, signed or not, so a
    /// mail program never shows a broken image.
    public static let image: [UInt8] = [
        0x47, 0x49, 0x46, 0x38, 0x39, 0x61, 0x01, 0x00, 0x01, 0x00, 0x80, 0x00, 0x00, 0x00, 0x00, 0x00, 0xFF, 0xFF, 0xFF, 0x21, 0xF9,
        0x04, 0x01, 0x00, 0x00, 0x00, 0x00, 0x2C, 0x00, 0x00, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00, 0x02, 0x02, 0x44, 0x01, 0x00, 0x3B,
    ]

    /// Distinct from a click link's, so that no click signature passes for a pixel's.
    private var signedText: String { "newsletter-open:\(newsletter):\(subscriber)" }
}

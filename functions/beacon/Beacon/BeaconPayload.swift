import ShelfCore

/// What `beacon.js` sends: a flat JSON object of short texts and one number.
///
/// ```json
/// {"path": "/products/linen-shirt/", "referrer": "news.example", "utm_source": "mail", "width": 390}
/// ```
///
/// Anything else is refused whole: bytes that are not UTF-8, nesting, unknown keys, a width
/// that is not a whole number from 0 to 100,000, texts with control characters.
public struct BeaconPayload: Sendable, Hashable {
    public var path: String
    /// The host of the referring page, lower case; empty when none or not a host name.
    public var referrer = ""
    public var utmSource = ""
    public var utmMedium = ""
    public var utmCampaign = ""
    /// `phone` (under 768 CSS pixels), `tablet` (under 1200) or `desktop`; empty when not sent.
    public var screen = ""

    static let keys: Set<String> = ["path", "referrer", "utm_source", "utm_medium", "utm_campaign", "width"]

    /// The payload in `body`, or nil when it is not one.
    public init?(_ body: [UInt8]) {
        guard String(validating: body, as: UTF8.self) != nil, let members = (try? JSON.parse(body, maxDepth: 1))?.members else {
            return nil
        }
        var path: String?
        for (key, value) in members {
            guard Self.keys.contains(key) else { return nil }
            if key == "width" {
                guard case .number(let text) = value, let width = Int(text), (0...100_000).contains(width) else { return nil }
                screen = width < 768 ? "phone" : width < 1200 ? "tablet" : "desktop"
                continue
            }
            guard let text = value.string, text.unicodeScalars.allSatisfy({ $0.value >= 0x20 && $0.value != 0x7F }) else { return nil }
            switch key {
            case "path": path = text
            case "referrer": referrer = Self.host(text)
            case "utm_source": utmSource = Self.tag(text)
            case "utm_medium": utmMedium = Self.tag(text)
            default: utmCampaign = Self.tag(text)
            }
        }
        guard let path else { return nil }
        self.path = path
    }

    /// A host name (letters, digits, dots, dashes, and a port), lower case; anything else is
    /// dropped rather than kept, since a referrer is never worth keeping a full address for.
    static func host(_ text: String) -> String {
        let host = text.lowercased()
        guard host.utf8.count <= 253, host.utf8.allSatisfy({ isHostByte($0) }) else { return "" }
        return host
    }

    /// A UTM value, at most 100 characters; one that looks like an email address is dropped.
    static func tag(_ text: String) -> String {
        text.contains("@") ? "" : String(text.trimmingSpaces.prefix(100))
    }
}

private func isHostByte(_ byte: UInt8) -> Bool {
    switch byte {
    case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "."), UInt8(ascii: "-"),
        UInt8(ascii: ":"):
        true
    default: false
    }
}

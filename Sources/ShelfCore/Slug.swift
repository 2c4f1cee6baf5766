/// URL-safe names: lower case ASCII letters, digits and single dashes.
public enum Slug {
    /// Turns a display name into a slug: `"Forest Green"` → `forest-green`, `"2XL"` → `2xl`.
    public static func make(_ text: String) -> String {
        // On bytes: every byte of a character beyond ASCII is 0x80 or more and breaks the name
        // like any other character that is no ASCII letter or digit. Slugs are made for every
        // option of every variant a build reads, so Unicode property lookups here added up.
        var slug: [UInt8] = []
        slug.reserveCapacity(text.utf8.count)
        var pendingDash = false
        for byte in text.utf8 {
            let lower: UInt8
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"): lower = byte
            case UInt8(ascii: "A")...UInt8(ascii: "Z"): lower = byte + 0x20
            default:
                pendingDash = true
                continue
            }
            if pendingDash, !slug.isEmpty { slug.append(UInt8(ascii: "-")) }
            pendingDash = false
            slug.append(lower)
        }
        return String(decoding: slug, as: UTF8.self)
    }

    /// True when `text` is already a valid slug.
    public static func isValid(_ text: String) -> Bool {
        !text.isEmpty && make(text) == text
    }
}

/// Percent-encoding of text for URLs and form bodies: every byte of its UTF-8 outside RFC 3986's
/// unreserved set (`A–Z a–z 0–9 - . _ ~`) becomes `%XX`, so no `&`, `=`, `:`, `/` or space in a
/// value can split the URL or body it goes into.
///
/// ```swift
/// PercentEncoding.encode("Navy & Co")                    // "Navy%20%26%20Co"
/// PercentEncoding.encode("Navy & Co", spaceAsPlus: true) // "Navy+%26+Co" (a query string)
/// ```
public enum PercentEncoding {
    private static let hex = Array("0123456789ABCDEF".utf8)

    /// `text` percent-encoded; with `spaceAsPlus`, a space is `+` as HTML forms send it; with
    /// `keepingSlashes`, a `/` stays (a path given as a query value, readable in an email).
    public static func encode(_ text: String, spaceAsPlus: Bool = false, keepingSlashes: Bool = false) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count)
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"):
                out.append(byte)
            case UInt8(ascii: "/") where keepingSlashes:
                out.append(byte)
            case UInt8(ascii: " ") where spaceAsPlus:
                out.append(UInt8(ascii: "+"))
            default:
                out += [UInt8(ascii: "%"), hex[Int(byte >> 4)], hex[Int(byte & 0x0F)]]
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}

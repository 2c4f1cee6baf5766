/// Base64 with the URL and cookie safe alphabet (`-` and `_`) and no padding (RFC 4648 §5).
public enum Base64URL {
    private static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".utf8)

    /// Encodes bytes; 32 random bytes become 43 characters. Written straight into the string's
    /// storage: every cart view encodes its form token.
    public static func encode(_ bytes: [UInt8]) -> String {
        let count = (bytes.count * 4 + 2) / 3
        return String(unsafeUninitializedCapacity: count) { out in
            alphabet.withUnsafeBufferPointer { alphabet in
                func put(_ chunk: UInt32, _ shift: UInt32, at place: Int) {
                    out[place] = alphabet[Int(chunk >> shift & 0x3F)]
                }
                var index = 0
                var place = 0
                while index + 3 <= bytes.count {
                    let chunk = UInt32(bytes[index]) << 16 | UInt32(bytes[index + 1]) << 8 | UInt32(bytes[index + 2])
                    put(chunk, 18, at: place)
                    put(chunk, 12, at: place + 1)
                    put(chunk, 6, at: place + 2)
                    put(chunk, 0, at: place + 3)
                    index += 3
                    place += 4
                }
                let rest = bytes.count - index
                if rest > 0 {
                    let chunk = UInt32(bytes[index]) << 16 | (rest == 2 ? UInt32(bytes[index + 1]) << 8 : 0)
                    put(chunk, 18, at: place)
                    put(chunk, 12, at: place + 1)
                    if rest == 2 { put(chunk, 6, at: place + 2) }
                }
            }
            return count
        }
    }

    /// The bytes of unpadded base64url text, or nil when it is not.
    public static func decode(_ text: String) -> [UInt8]? {
        var values: [UInt8] = []
        for byte in text.utf8 {
            guard let index = alphabet.firstIndex(of: byte) else { return nil }
            values.append(UInt8(index))
        }
        guard values.count % 4 != 1 else { return nil }
        var out: [UInt8] = []
        var index = 0
        while index < values.count {
            let chunk = values[index..<min(index + 4, values.count)]
            var bits: UInt32 = 0
            for value in chunk { bits = bits << 6 | UInt32(value) }
            bits <<= UInt32(6 * (4 - chunk.count))
            let bytes = [UInt8(bits >> 16 & 0xFF), UInt8(bits >> 8 & 0xFF), UInt8(bits & 0xFF)]
            out += bytes.prefix(chunk.count - 1)
            index += 4
        }
        return out
    }

    /// True when `text` uses only the URL-safe alphabet, so it can be a cookie value as is.
    public static func isValid(_ text: String) -> Bool {
        !text.isEmpty
            && text.utf8.allSatisfy { byte in
                switch byte {
                case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                    UInt8(ascii: "-"), UInt8(ascii: "_"):
                    true
                default: false
                }
            }
    }
}

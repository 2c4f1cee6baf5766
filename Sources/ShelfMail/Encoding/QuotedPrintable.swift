/// Quoted-printable (RFC 2045 §6.7), so bodies in any language pass through 7-bit SMTP intact.
///
/// Line ends become CRLF whatever they were (CRLF, LF or CR); encoded lines are at most 76
/// characters, broken with soft line breaks (`=` at the end). The output never contains `=_`,
/// which is why multipart boundaries start with it.
enum QuotedPrintable {
    private static let maximumLine = 76
    private static let hex = Array("0123456789ABCDEF".utf8)

    static func encode(_ text: String) -> [UInt8] {
        var out: [UInt8] = []
        for (index, line) in lines(Array(text.utf8)).enumerated() {
            if index > 0 { out += [13, 10] }
            encodeLine(line, into: &out)
        }
        return out
    }

    /// The text's lines, split at CRLF, LF or a lone CR.
    private static func lines(_ bytes: [UInt8]) -> [ArraySlice<UInt8>] {
        var result: [ArraySlice<UInt8>] = []
        var start = 0
        var index = 0
        while index < bytes.count {
            if bytes[index] == 10 || bytes[index] == 13 {
                result.append(bytes[start..<index])
                if bytes[index] == 13, index + 1 < bytes.count, bytes[index + 1] == 10 { index += 1 }
                start = index + 1
            }
            index += 1
        }
        result.append(bytes[start...])
        return result
    }

    private static func encodeLine(_ line: ArraySlice<UInt8>, into out: inout [UInt8]) {
        var length = 0
        for (offset, byte) in zip(line.indices, line) {
            let isLast = offset == line.index(before: line.endIndex)
            let literal = (byte >= 33 && byte <= 126 && byte != UInt8(ascii: "=")) || ((byte == 32 || byte == 9) && !isLast)
            let token = literal ? [byte] : [UInt8(ascii: "="), hex[Int(byte >> 4)], hex[Int(byte & 15)]]
            // Leave room for the soft break's `=`, unless this token ends the line.
            if length + token.count > (isLast ? maximumLine : maximumLine - 1) {
                out += [UInt8(ascii: "="), 13, 10]
                length = 0
            }
            out += token
            length += token.count
        }
    }
}

import Foundation

/// A deliberately independent reading of encoded messages, for the tests to check the encoder
/// against: header unfolding, RFC 2047 words and quoted-printable.
enum MailDecoding {
    /// The message's header lines (unfolded) and its body, split at the first empty line.
    static func split(_ bytes: [UInt8]) -> (headers: [String: String], body: String) {
        let text = String(decoding: bytes, as: UTF8.self)
        let parts = text.components(separatedBy: "\r\n\r\n")
        let unfolded = parts[0].replacingOccurrences(of: "\r\n ", with: " ")
        var headers: [String: String] = [:]
        for line in unfolded.components(separatedBy: "\r\n") {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[String(line[..<colon])] = String(line[line.index(after: colon)...].dropFirst())
        }
        return (headers, parts.dropFirst().joined(separator: "\r\n\r\n"))
    }

    /// Unstructured header text with its encoded words decoded; white space between two encoded
    /// words is dropped, as RFC 2047 §6.2 says.
    static func decodeWords(_ value: String) -> String {
        var out = ""
        var pending: [UInt8] = []
        var previousWasWord = false
        for (index, token) in value.components(separatedBy: " ").enumerated() {
            if token.hasPrefix("=?"), token.hasSuffix("?="), let bytes = decodeWord(token) {
                if !previousWasWord, index > 0 { out += " " }
                pending += bytes
                previousWasWord = true
            } else {
                out += String(decoding: pending, as: UTF8.self)
                pending = []
                if index > 0 { out += " " }
                out += token
                previousWasWord = false
            }
        }
        return out + String(decoding: pending, as: UTF8.self)
    }

    private static func decodeWord(_ word: String) -> [UInt8]? {
        let fields = word.dropFirst(2).dropLast(2).components(separatedBy: "?")
        guard fields.count == 3, fields[0].uppercased() == "UTF-8" else { return nil }
        switch fields[1].uppercased() {
        case "B": return Data(base64Encoded: fields[2]).map { Array($0) }
        case "Q": return quotedPrintable(fields[2].replacingOccurrences(of: "_", with: " "))
        default: return nil
        }
    }

    /// Quoted-printable text decoded to bytes; soft line breaks removed.
    static func quotedPrintable(_ text: String) -> [UInt8] {
        let bytes = Array(text.replacingOccurrences(of: "=\r\n", with: "").utf8)
        var out: [UInt8] = []
        var index = 0
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "="), index + 2 < bytes.count,
                let byte = UInt8(String(decoding: bytes[index + 1...index + 2], as: UTF8.self), radix: 16)
            {
                out.append(byte)
                index += 3
            } else {
                out.append(bytes[index])
                index += 1
            }
        }
        return out
    }
}

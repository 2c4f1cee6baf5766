/// Header values as RFC 5322 and RFC 2047 want them: words that fold onto lines of at most 78
/// characters, with anything beyond printable ASCII in UTF-8 encoded words.
enum HeaderText {
    /// The longest header line written, as RFC 5322 recommends.
    static let lineLimit = 78
    /// UTF-8 bytes per encoded word: 56 base64 characters, so a word is 68 characters long and
    /// fits after the longest header name written (`Reply-To: `) within ``lineLimit``.
    private static let bytesPerWord = 42

    /// `Name: value`, folded before a word that would overrun the line; no trailing CRLF.
    /// Unfolding (removing each CRLF) gives back the words joined by single spaces.
    static func field(_ name: String, _ words: [String]) -> String {
        var out = ""
        var line = name + ":"
        for (index, word) in words.enumerated() {
            if index > 0, !word.isEmpty, line.utf8.count + 1 + word.utf8.count > lineLimit {
                out += line + "\r\n"
                line = ""
            }
            line += " " + word
        }
        return out + line
    }

    /// The words of unstructured text (a subject): its own words when it is printable ASCII that
    /// folds within the limit, otherwise encoded words.
    static func words(_ text: String) -> [String] {
        let plain = text.split(separator: " ", omittingEmptySubsequences: false).map(String.init)
        if isPlain(text), plain.allSatisfy({ $0.utf8.count < lineLimit - "Subject: ".utf8.count }) { return plain }
        return encodedWords(text)
    }

    /// The words of a display name: atoms as they are, a quoted string when it has specials,
    /// encoded words when it is not printable ASCII.
    static func phrase(_ name: String) -> [String] {
        guard isPlain(name) else { return encodedWords(name) }
        let atoms = name.split(separator: " ", omittingEmptySubsequences: false)
        let isAtomText = { (c: Character) in c.isLetter || c.isNumber || "!#$%&'*+-/=?^_`{|}~".contains(c) }
        if atoms.allSatisfy({ !$0.isEmpty && $0.allSatisfy(isAtomText) }) { return atoms.map(String.init) }
        var quoted = "\""
        for character in name {
            if character == "\"" || character == "\\" { quoted.append("\\") }
            quoted.append(character)
        }
        return [quoted + "\""]
    }

    /// Printable ASCII that no reader would take for an encoded word.
    private static func isPlain(_ text: String) -> Bool {
        text.utf8.allSatisfy { (0x20...0x7E).contains($0) } && !text.contains("=?")
    }

    /// `=?UTF-8?B?…?=` words, each holding whole characters.
    static func encodedWords(_ text: String) -> [String] {
        var chunks: [[UInt8]] = [[]]
        for character in text {
            let bytes = Array(character.utf8)
            if chunks[chunks.count - 1].count + bytes.count > bytesPerWord { chunks.append([]) }
            if bytes.count <= bytesPerWord {
                chunks[chunks.count - 1] += bytes
            } else {
                // A character longer than a whole word (a long emoji sequence): split by scalar.
                for scalar in character.unicodeScalars {
                    let scalarBytes = Array(String(scalar).utf8)
                    if chunks[chunks.count - 1].count + scalarBytes.count > bytesPerWord { chunks.append([]) }
                    chunks[chunks.count - 1] += scalarBytes
                }
            }
        }
        return chunks.map { "=?UTF-8?B?" + Base64.encode($0) + "?=" }
    }
}

extension SearchDocument {
    /// The text of rendered Markdown: tags and character references become word breaks.
    ///
    /// Reads bytes, and hands only the stretches around characters beyond ASCII to
    /// ``plainTextByCharacter(_:)``, cut where an ASCII character stands on both sides: no
    /// grapheme joins two ASCII characters (bar CR LF, which both paths pass through alike),
    /// so each stretch splits into the characters the whole text has there.
    static func plainText(_ html: String) -> String {
        var reading = PlainTextReading()
        let bytes = Array(html.utf8)
        var index = 0
        while index < bytes.count {
            if bytes[index] < 0x80, index + 1 == bytes.count || bytes[index + 1] < 0x80 {
                reading.take(bytes[index])
                index += 1
                continue
            }
            var end = index + 1
            while end < bytes.count, bytes[end - 1] >= 0x80 || bytes[end] >= 0x80 { end += 1 }
            for character in String(decoding: bytes[index..<end], as: UTF8.self) { reading.take(character) }
            index = end
        }
        return String(decoding: reading.text, as: UTF8.self)
    }

    /// ``plainText(_:)`` one character at a time: the reference the byte path is tested against.
    static func plainTextByCharacter(_ html: String) -> String {
        var reading = PlainTextReading()
        for character in html { reading.take(character) }
        return String(decoding: reading.text, as: UTF8.self)
    }
}

/// Where a reading of rendered Markdown stands: inside a tag, inside a character reference, and
/// the text so far.
private struct PlainTextReading {
    var inTag = false
    var inReference = false
    var text: [UInt8] = []

    mutating func take(_ character: Character) {
        switch character {
        case "<": inTag = true
        case ">" where inTag:
            inTag = false
            text.append(UInt8(ascii: " "))
        case "&" where !inTag:
            inReference = true
            text.append(UInt8(ascii: " "))
        case ";" where inReference: inReference = false
        default:
            // A reference is letters, digits and `#`; whatever else ends it.
            if inReference, !(character.isLetter || character.isNumber || character == "#") { inReference = false }
            if !inTag, !inReference { text += character.utf8 }
        }
    }

    /// ``take(_:)-(Character)`` for a character that is one ASCII byte.
    mutating func take(_ byte: UInt8) {
        switch byte {
        case UInt8(ascii: "<"): inTag = true
        case UInt8(ascii: ">") where inTag:
            inTag = false
            text.append(UInt8(ascii: " "))
        case UInt8(ascii: "&") where !inTag:
            inReference = true
            text.append(UInt8(ascii: " "))
        case UInt8(ascii: ";") where inReference: inReference = false
        default:
            if inReference, !Self.isReferenceByte(byte) { inReference = false }
            if !inTag, !inReference { text.append(byte) }
        }
    }

    /// An ASCII letter, digit or `#`: what `Character.isLetter`, `isNumber` and `== "#"` accept in ASCII.
    private static func isReferenceByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
            UInt8(ascii: "#"):
            true
        default: false
        }
    }
}

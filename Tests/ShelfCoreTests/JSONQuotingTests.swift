import Testing

@testable import ShelfCore

/// The quoting's fast path tests eight bytes at a time; these put every byte that needs an
/// escape at every place of a word, in long runs and beside multi-byte UTF-8, and compare the
/// answer with the plain definition below.
@Suite struct JSONQuotingTests {
    /// The escapes `JSONWriter` promises, one scalar at a time: JSON's, `<`, `>` and `&` for a
    /// `<script>` element, and U+2028 and U+2029, which end a line in JavaScript.
    static func quotedPlainly(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += #"\""#
            case "\\": out += #"\\"#
            case "\n": out += #"\n"#
            case "\r": out += #"\r"#
            case "\t": out += #"\t"#
            case "<": out += #"\u003c"#
            case ">": out += #"\u003e"#
            case "&": out += #"\u0026"#
            case "\u{2028}": out += #"\u2028"#
            case "\u{2029}": out += #"\u2029"#
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                out += #"\u"# + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }

    static func quoted(_ text: String) -> String {
        var json = JSONWriter()
        json.string(text)
        return String(decoding: json.bytes, as: UTF8.self)
    }

    /// Every byte below 0x20 and every other escaped character, alone, then at each of the
    /// first seventeen places of a run of plain text (both sides of two word boundaries), then
    /// twice in one word.
    @Test func escapesEveryClassAtEveryPlaceOfAWord() {
        let escaped = (0..<0x20).map { Character(Unicode.Scalar(UInt8($0))) } + ["\"", "\\", "<", ">", "&", "\u{2028}", "\u{2029}"]
        let plain = "Organic cotton tee, forest green"
        for character in escaped {
            #expect(Self.quoted(String(character)) == Self.quotedPlainly(String(character)))
            for place in 0...17 {
                var text = plain
                text.insert(character, at: text.index(text.startIndex, offsetBy: place))
                #expect(Self.quoted(text) == Self.quotedPlainly(text), "\(character.unicodeScalars.first!.value) at \(place)")
                text.insert(character, at: text.index(text.startIndex, offsetBy: place + 2))
                #expect(Self.quoted(text) == Self.quotedPlainly(text), "two at \(place)")
            }
        }
    }

    /// Long runs with nothing to escape come out as they went in; a long run of escapes is
    /// escaped byte after byte.
    @Test func longRuns() {
        let plain = String(repeating: "TEE-FOREST-M/0123456789 abc ", count: 40)
        #expect(Self.quoted(plain) == "\"\(plain)\"")
        let escapes = String(repeating: "<&>\"\\\n", count: 30)
        #expect(Self.quoted(escapes) == Self.quotedPlainly(escapes))
        #expect(Self.quoted("") == #""""#)
    }

    /// Multi-byte UTF-8 passes through, at every place of a word: accented letters, emoji and
    /// other characters whose UTF-8 starts with 0xE2 as U+2028's does (an em dash, the euro
    /// sign), and U+2028 split over two words.
    @Test func multiByteCharactersPassThrough() {
        for special in ["é", "😀", "—", "€", "\u{2027}", "\u{202A}", "\u{2028}"] {
            for place in 0...9 {
                let text = String(repeating: "a", count: place) + special + "bcdefghijklmnop"
                #expect(Self.quoted(text) == Self.quotedPlainly(text), "\(special) at \(place)")
            }
        }
        #expect(Self.quoted("Tee — Forest 29 €") == "\"Tee — Forest 29 €\"")
    }

    /// Bytes that are not UTF-8, written by `string(writing:)`, are copied as they are, as they
    /// always were: a 0xE2 near the end is not read past the text.
    @Test func invalidBytesAreCopiedAsTheyAre() {
        let cases: [(raw: [UInt8], quoted: [UInt8])] = [
            ([0xFF, 0xFE, 0x41], [0x22, 0xFF, 0xFE, 0x41, 0x22]),
            ([0x41, 0xE2], [0x22, 0x41, 0xE2, 0x22]),
            ([0x41, 0xE2, 0x80], [0x22, 0x41, 0xE2, 0x80, 0x22]),
            ([0xE2, 0x80, 0xA8, 0xC3], Array(#""\u2028"#.utf8) + [0xC3, 0x22]),
            ([0x80, 0x80, 0x22], [0x22, 0x80, 0x80, 0x5C, 0x22, 0x22]),
        ]
        for (raw, quoted) in cases {
            var json = JSONWriter()
            json.string { $0 += raw }
            #expect(json.bytes == quoted, "\(raw)")
        }
    }

    /// Text written in place is quoted as the same text given as a string.
    @Test func textWrittenInPlaceIsQuotedAsAString() {
        for text in ["€29.00", "a<b>&\"c\"", "Tee \u{2028} — 😀", String(repeating: "x", count: 100)] {
            var json = JSONWriter()
            json.beginArray()
            json.string { $0 += text.utf8 }
            json.string(text)
            json.endArray()
            let quoted = Self.quotedPlainly(text)
            #expect(String(decoding: json.bytes, as: UTF8.self) == "[\(quoted),\(quoted)]")
        }
    }

    /// Our own keys go out as written; a key from data is quoted; members pair a key and a value.
    @Test func keysAndMembers() {
        var json = JSONWriter()
        json.beginObject()
        json.member("sku", "TEE-<M>")
        json.member("code", nil as String?)
        json.member("count", 3)
        json.member("amount", -4990 as Int64)
        json.member("free_shipping", true)
        json.key(quoting: "a\"b")
        json.number(Int64.min)
        json.key("max")
        json.number(Int.max)
        json.endObject()
        #expect(
            String(decoding: json.bytes, as: UTF8.self)
                == #"{"sku":"TEE-\u003cM\u003e","code":null,"count":3,"amount":-4990,"free_shipping":true,"a\"b":-9223372036854775808,"max":9223372036854775807}"#
        )
    }
}

import Testing

@testable import ShelfCore

/// The ASCII path of ``SearchWords`` must give exactly the Unicode path's words, or postings
/// and queries would drift apart on mixed text.
struct SearchWordsFastPathTests {
    static let mixedTexts = [
        "Crème BRÛLÉE Façade, ﬁne ﬂannel Æsir œuvre straße",
        "Men's O'Brien’s rock 'n' roll don't",
        "Size 3XS, 10-pack, OCT-FOR-XS, £9.99 50% 30 °C 2½ Ⅻ ٣",
        "Emoji 👍🏽 thumbs a👍🏽b x 🏽y 🇮🇪 flag 👩‍👩‍👧 family ❤️ heart",
        "TURKISH İstanbul ıspanak DİYARBAKIR Iğdır",
        "中文 商品 ウール 한국어 セーター ﾊﾞｯｸﾞ ｶﾞ x ﾞy",
        "Σίσυφος ΌΣΟΣ Ελλάς",
        "mixed\tcontrol\r\nlines\u{0}nul\u{7F}del\u{200B}zero\u{00A0}nbsp\u{2028}sep",
        "e\u{301}t\u{E9} cafe\u{301}s  ൎ-x ൎ y",
        "plain ascii jumpers dresses boxes watches berries shoes xs bus cactus",
        "", "   ", "!!!", "é", " é ", "a é b", "é a", "a é",
    ]

    @Test func chunksMatchTheUnicodePathOnMixedText() {
        for text in Self.mixedTexts {
            var fast: [[String]] = []
            SearchWords.forEachChunk(of: text) { fast.append($0) }
            #expect(fast == SearchWords.unicodeChunks(of: text), "\(text)")
        }
    }

    @Test func everyTwoTextsJoinedStillMatch() {
        for first in Self.mixedTexts {
            for second in Self.mixedTexts {
                for separator in [" ", "", "\n", "-"] {
                    let text = first + separator + second
                    var fast: [[String]] = []
                    SearchWords.forEachChunk(of: text) { fast.append($0) }
                    #expect(fast == SearchWords.unicodeChunks(of: text), "\(text)")
                }
            }
        }
    }

    @Test func asciiStemMatchesTheCharacterStem() {
        let words = [
            "jumpers", "dresses", "boxes", "watches", "wishes", "buzzes", "berries", "ties", "shoes", "xs", "3xs", "bus",
            "cactus", "tennis", "class", "a1bs", "sss", "ssss", "iess",
        ]
        for word in words {
            #expect(SearchWords.asciiStem(word) == SearchWords.unicodeStem(word), "\(word)")
        }
    }
}

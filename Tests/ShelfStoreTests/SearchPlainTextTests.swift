import Testing

@testable import ShelfStore

/// The byte path of `SearchDocument.plainText` must give exactly the character path's text, or
/// a product's indexed words would depend on which path read it.
struct SearchPlainTextTests {
    static let htmls = [
        "<p>Warm <strong>wool</strong> jumper &amp; scarf, 100% organic &lt;3</p>\n<ul>\n<li>Dry flat</li>\n</ul>\n",
        "<p>It’s “smart” — typography… Crème BRÛLÉE ﬁne</p>", "&#39;quoted&#39; &#x27;hex&#x27; &nbsp;x &copy2026; &;",
        "&é; &e\u{301}x; &\u{301}y; &½; &٣; &a-b; &a b; &<b>c</b>; <a href=\"x&amp;y\">t</a>", "<\u{301}b> >\u{301} ;\u{301} &\u{301}",
        "a\u{600}<b>c</b> \u{600}&amp; x\u{600}>y", "👍🏽<b>👩‍👩‍👧</b>🇮🇪&amp;❤️", "line\r\nbreak\r<p>\r\n</p>\n\r", "unclosed <tag and &ref",
        "> stray ; & < ", "", "é", "<", "&", ";", "\u{301}", "中文<br />商品&amp;ウール",
    ]

    @Test func bytesGiveTheCharactersText() {
        for html in Self.htmls {
            #expect(SearchDocument.plainText(html) == SearchDocument.plainTextByCharacter(html), "\(html)")
        }
    }

    @Test func everyTwoJoinedStillMatch() {
        for first in Self.htmls {
            for second in Self.htmls {
                let html = first + second
                #expect(SearchDocument.plainText(html) == SearchDocument.plainTextByCharacter(html), "\(html)")
            }
        }
    }

    @Test func tagsAndReferencesBreakWords() {
        #expect(SearchDocument.plainText("<p>wool&amp;silk</p>") == " wool silk ")
        #expect(SearchDocument.plainText("a&#39;b<br>c") == "a b c")
    }
}

import ShelfCore
import Testing

@Suite struct MarkupTests {
    @Test func escapesTheFiveMarkupCharacters() {
        #expect(Markup.escape(#"<a href="x">Tom's & co</a>"#) == "&lt;a href=&quot;x&quot;&gt;Tom&#39;s &amp; co&lt;/a&gt;")
    }

    @Test func leavesOtherTextAsItIs() {
        #expect(Markup.escape("Merino crew – Forest, XL · €89") == "Merino crew – Forest, XL · €89")
        #expect(Markup.escape("") == "")
    }

    @Test func keepsMultiByteCharactersAroundEscapes() {
        #expect(Markup.escape("Café <Noël> 👕&") == "Café &lt;Noël&gt; 👕&amp;")
    }
}

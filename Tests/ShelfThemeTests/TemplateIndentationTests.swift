import ShelfTheme
import Testing

@Suite struct TemplateIndentationTests {
    @Test func templatesLoseTheirIndentationButKeepTheirLineBreaks() {
        let template = "<ul>\n  <li>{{name}}</li>\n\t<li>two</li>\n</ul>\n"
        #expect(TemplateIndentation.removed(from: template) == "<ul>\n<li>{{name}}</li>\n<li>two</li>\n</ul>\n")
    }

    @Test func whiteSpaceInsidePreAndTextareaIsKept() {
        let template = "<div>\n  <pre>\n  one\n    two</pre>\n  <textarea name=\"body\">\n  hi\n  </textarea>\n  <p>x</p>\n</div>"
        #expect(
            TemplateIndentation.removed(from: template)
                == "<div>\n<pre>\n  one\n    two</pre>\n<textarea name=\"body\">\n  hi\n  </textarea>\n<p>x</p>\n</div>")
        // a tag whose name only begins like one (<prefix>) does not count
        #expect(TemplateIndentation.removed(from: "<prefix>\n  a") == "<prefix>\na")
    }
}

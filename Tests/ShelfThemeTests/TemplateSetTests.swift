import ShelfTheme
import Testing

@Suite struct TemplateSetTests {
    @Test func variablesAreEscapedForHTMLAndTripleBracesAreNot() throws {
        var templates = TemplateSet()
        try templates.add("probe", text: "<p title=\"{{text}}\">{{text}}</p>{{{text}}}\n")
        let escaped = "&lt;b&gt;&quot;Tom&#39;s&quot; &amp; co&lt;/b&gt;"
        #expect(
            templates.render("probe", ["text": #"<b>"Tom's" & co</b>"#]) == "<p title=\"\(escaped)\">\(escaped)</p><b>\"Tom's\" & co</b>\n")
    }

    @Test func aTextTemplateIsNotEscaped() throws {
        var templates = TemplateSet()
        try templates.add("email", text: "{{% CONTENT_TYPE: TEXT}}\nSubject: {{subject}}\n")
        #expect(templates.render("email", ["subject": "Tom's <order> & more"]) == "Subject: Tom's <order> & more\n")
    }

    @Test func partialsRenderAndAnUnknownTemplateIsNil() throws {
        var templates = TemplateSet()
        try templates.add("partials/name", text: "{{name}}")
        try templates.add("page", text: "{{#people}}\n<li>{{> partials/name}}</li>\n{{/people}}\n")
        #expect(templates.render("page", ["people": [["name": "Ann"], ["name": "Bo"]]]) == "<li>Ann</li>\n<li>Bo</li>\n")
        #expect(templates.render("nowhere", [:] as [String: Any]) == nil)
    }

    @Test func aSyntaxErrorGivesTheFileLine() {
        var templates = TemplateSet()
        #expect {
            try templates.add("page", text: "<h1>Title</h1>\n<p>{{doc.title</p>\n")
        } throws: { error in
            (error as? TemplateSet.SyntaxError)?.line == 2
        }
    }

    @Test func partialReferencesCarryTheirLines() {
        let found = TemplateSet.partialReferences(in: "<div>\n{{> partials/card}} {{>  partials/swatch }}\n{{name}}\n{{> footer}}")
        #expect(found.map(\.line) == [2, 2, 4])
        #expect(found.map(\.name) == ["partials/card", "partials/swatch", "footer"])
    }

    @Test func partialReferencesInTrickyTemplates() {
        let text = [
            "{{{> triple}}} {{>a}}{{>b}}",  // a tag inside braces, tags side by side
            "{{> unclosed",  // left open at the line's end: no tag, and the next line starts afresh
            "}} {{> café }}\r",  // a name beyond ASCII, a CRLF line
            "{{> crlf}}\r",
            "{{name}} {{>}} {{> last}}}",  // an empty name, a brace too many
            "{{>",
        ].joined(separator: "\n")
        let found = TemplateSet.partialReferences(in: text)
        #expect(found.map(\.line) == [1, 1, 1, 3, 4, 5, 5])
        #expect(found.map(\.name) == ["triple", "a", "b", "café", "crlf", "", "last"])
    }
}

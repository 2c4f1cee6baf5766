import Foundation
import Testing

@testable import ShelfTheme

/// The compiled renderer against swift-mustache: every case renders the same templates and
/// values with both and wants the same text, whitespace included.
@Suite struct CompiledTemplateTests {
    /// Templates by name; the first is rendered.
    private func bothRenders(_ templates: [(String, String)], _ values: Any) throws -> (compiled: String?, reference: String?) {
        var set = TemplateSet()
        for (name, text) in templates { try set.add(name, text: text) }
        #expect(set.isCompiled)
        return (set.render(templates[0].0, values), set.renderWithSwiftMustache(templates[0].0, values))
    }

    private func expectSame(_ text: String, _ values: Any, partials: [(String, String)] = []) throws {
        let (compiled, reference) = try bothRenders([("page", text)] + partials, values)
        #expect(reference != nil)
        #expect(compiled == reference, "template: \(text.debugDescription)")
    }

    private let values: [String: Any] = [
        "title": "Tee & <co>", "empty": "", "yes": true, "no": false, "count": 3,
        "people": [["name": "Ann", "tags": ["a", "b"]], ["name": "Bo's", "tags": [String]()]] as [[String: Any]],
        "nobody": [[String: Any]](),
        "page": ["title": "Page", "og": [["property": "og:title", "content": "T"]] as [[String: Any]]] as [String: Any],
        "cards": [["html": "<b>1</b>"], ["html": "<b>2</b>"]] as [Any],
        "words": ["one", "two"],
        "typed": ["k": "v"] as [String: String],
        "optional": String?.none as Any,
    ]

    @Test func variablesEscapingAndLookupsMatchSwiftMustache() throws {
        for text in [
            "<p>{{title}}</p>{{{title}}}{{& title}}\n", "{{page.title}} {{page.missing}} {{missing.title}}\n",
            "{{#page}}{{title}} {{.title}} {{count}}{{/page}}\n", "{{count}} {{yes}} {{no}} {{optional}} {{typed.k}}\n",
            "{{#words}}[{{.}}]{{/words}}\n", "{{#people}}{{name}}:{{#tags}}{{.}},{{/tags}}{{^tags}}none{{/tags}};{{/people}}\n",
            "{{#title}}{{title}}/{{.}}{{/title}}", "{{#empty}}shown{{/empty}}{{^empty}}hidden{{/empty}}",
            "{{^nobody}}no one {{nobody}}{{/nobody}}{{#nobody}}x{{/nobody}}", "{{#yes}}y{{/yes}}{{#no}}n{{/no}}{{^no}}!n{{/no}}",
            "{{#page.og}}<meta property=\"{{property}}\" content=\"{{content}}\">{{/page.og}}",
            "{{#cards}}<li>{{{html}}}</li>{{/cards}}", "{{#count}}{{.}} items{{/count}}",
            "{{#missing}}x{{/missing}}{{^missing}}y{{/missing}}",
            "{{ title }} {{! a comment }} {{#typed}}{{k}}{{/typed}}", "{{}}",
        ] {
            try expectSame(text, values)
        }
    }

    @Test func standaloneLinesAndWhitespaceMatchSwiftMustache() throws {
        for text in [
            "<ul>\n  {{#people}}\n  <li>{{name}}</li>\n  {{/people}}\n</ul>\n",
            "a\n  {{! standalone comment }}  \nb\n", "  {{! inline }} text\n", "x {{#yes}}\ny\n{{/yes}} z\n",
            "{{#yes}}\n  one\n{{/yes}}\n  {{^no}}\ttwo\n  {{/no}}  \nend", "line\r\n{{#yes}}\r\ncrlf\r\n{{/yes}}\r\n",
            "trailing\n   ", "{{#people}}{{name}}\n{{/people}}", "  {{title}}  \n", "a {{% CONTENT_TYPE: TEXT}} {{title}}\n",
            "{{% CONTENT_TYPE: TEXT}}\n{{title}}\n{{#page}}{{% CONTENT_TYPE: HTML}}{{title}}{{/page}}{{title}}\n", "{{#yes}}{{/yes}}",
        ] {
            try expectSame(text, values)
        }
    }

    @Test func partialsAndTheirIndentationMatchSwiftMustache() throws {
        let partials = [
            ("partials/item", "<li>{{name}}</li>\n<li>{{title}}</li>\n"), ("partials/box", "<div>\n  {{> partials/item}}\n</div>\n"),
            ("partials/text", "{{% CONTENT_TYPE: TEXT}}\n{{title}}\n"),
        ]
        for text in [
            "{{#people}}\n  {{> partials/item}}\n{{/people}}\n", "<pre>\n    {{> partials/box}}\n</pre>\n", "x {{> partials/item}} y\n",
            "{{>partials/item}}", "{{% CONTENT_TYPE: TEXT}}\n{{title}} {{> partials/item}}\n{{> partials/text}}",
            "  {{> missing}}\nafter\n",
            "\t{{> partials/text}}\n{{#people}}\n    {{> partials/box}}\n{{/people}}",
        ] {
            try expectSame(text, values, partials: partials)
        }
    }

    @Test func theDefaultThemeCompilesWhole() throws {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../themes/default/templates")
            .standardizedFileURL.path
        let names = try FileManager.default.subpathsOfDirectory(atPath: folder).filter { $0.hasSuffix(".mustache") }
        #expect(names.count > 40)
        for name in names {
            let text = try String(contentsOfFile: folder + "/" + name, encoding: .utf8)
            #expect(CompiledTemplate(parsing: HTMLEscaping.pragma + text) != nil, "\(name) is left to swift-mustache")
        }
    }

    @Test func aTemplateTheCompilerLeavesOutRendersWithSwiftMustache() throws {
        var set = TemplateSet()
        try set.add("page", text: "{{=<% %>=}}<p><% title %></p>\n")
        try set.add("other", text: "{{#people}}{{first()}}{{/people}}")
        #expect(!set.isCompiled)
        #expect(set.render("page", ["title": "A & B"]) == "<p>A &amp; B</p>\n")
        #expect(set.render("nowhere", [:] as [String: Any]) == nil)
    }
}

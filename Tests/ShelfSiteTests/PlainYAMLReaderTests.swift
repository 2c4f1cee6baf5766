import Foundation
import ShelfConfig
import Testing

@testable import ShelfSite

/// The plain front-matter reader must give exactly what Yams composes, and leave to Yams (with
/// its errors) everything it does not read itself.
@Suite struct PlainYAMLReaderTests {
    /// The front matter of every content file in the repository (the demo store, the test
    /// fixtures, files of `bench/gen.py` under `Tests/Fixtures/front-matter`) and of every example in
    /// the docs and README, by where it came from.
    static let corpus: [(source: String, yaml: String)] = {
        let root = FixtureStore.repository
        var documents: [(String, String)] = []
        var files = ["README.md"]
        for folder in ["content", "docs", "Tests/Fixtures"] {
            let found = FileManager.default.enumerator(atPath: root + "/" + folder)?.compactMap { $0 as? String } ?? []
            files += found.map { folder + "/" + $0 }
        }
        for relative in files.sorted() where relative.hasSuffix(".md") {
            guard let text = try? String(contentsOfFile: root + "/" + relative, encoding: .utf8) else { continue }
            for (index, yaml) in frontMatters(in: text).enumerated() { documents.append(("\(relative) #\(index + 1)", yaml)) }
        }
        return documents
    }()

    /// The YAML of each `---` … `---` block: a file's front matter, or an example in a doc.
    static func frontMatters(in text: String) -> [String] {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        var blocks: [String] = []
        var open: Int?
        for (index, line) in lines.enumerated() where line == "---" {
            if let start = open {
                blocks.append(lines[(start + 1)..<index].map { $0 + "\n" }.joined())
                open = nil
            } else {
                open = index
            }
        }
        return blocks
    }

    /// What `YAMLValue.parse` gives, the node or the merchant's error, by the plain reader (with Yams
    /// behind it) and by Yams alone.
    private func outcomes(_ yaml: String) -> (parsed: Result<YAMLNode, SiteError>, composed: Result<YAMLNode, SiteError>) {
        func outcome(_ read: () throws(SiteError) -> YAMLValue) -> Result<YAMLNode, SiteError> {
            do throws(SiteError) { return .success(try read().node) } catch { return .failure(error) }
        }
        return (
            outcome { () throws(SiteError) in try YAMLValue.parse(yaml, file: "content/products/x.md", firstLine: 2) },
            outcome { () throws(SiteError) in try YAMLValue.composing(yaml, file: "content/products/x.md", firstLine: 2) }
        )
    }

    private func expectSameAsYams(_ yaml: String, _ source: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let (parsed, composed) = outcomes(yaml)
        #expect(parsed == composed, "\(source):\n\(yaml)", sourceLocation: sourceLocation)
        if let plain = PlainYAMLReader.read(yaml) {
            #expect(.success(plain) == composed, "read a document Yams reads otherwise: \(source)\n\(yaml)", sourceLocation: sourceLocation)
        }
    }

    @Test func theCorpusIsBroad() {
        #expect(Self.corpus.count >= 40)
        #expect(Self.corpus.contains { $0.source.hasPrefix("docs/") })
        #expect(Self.corpus.contains { $0.source.hasPrefix("Tests/Fixtures/front-matter/bench-") })
    }

    @Test func everyDocumentReadsAsYamsReadsIt() {
        for (source, yaml) in Self.corpus { expectSameAsYams(yaml, source) }
    }

    @Test func contentFilesAreReadWithoutYams() {
        // The speed of a build rests on this: products, pages and stories as the docs and the
        // benchmark write them never reach Yams.
        for (source, yaml) in Self.corpus where !source.hasPrefix("docs/") && !source.hasPrefix("README") {
            #expect(PlainYAMLReader.read(yaml) != nil, "\(source)")
        }
    }

    /// One-line changes to a few real documents: each edited document reads as Yams reads it,
    /// whether it stays valid or not.
    @Test func editedDocumentsReadAsYamsReadsThem() {
        let edits: [(String) -> String] = [
            { $0 + " # note" }, { "  " + $0 }, { String($0.dropFirst()) }, { $0 + ":" }, { $0.replacingOccurrences(of: ": ", with: ":") },
            { $0.replacingOccurrences(of: ":", with: "") }, { $0.replacingOccurrences(of: "]", with: "") },
            { $0.replacingOccurrences(of: "}", with: ",}") }, { $0.replacingOccurrences(of: "\"", with: "'") },
            { $0.replacingOccurrences(of: "\"", with: "") }, { $0.replacingOccurrences(of: "- ", with: "-") },
            { $0.replacingOccurrences(of: " ", with: "\t") }, { $0 + "\n" + $0 }, { $0 + "\n   more" }, { $0 + "  " },
            { $0.replacingOccurrences(of: ", ", with: ",") }, { $0.replacingOccurrences(of: "S", with: "&a S") },
            { $0.replacingOccurrences(of: "[", with: "[[") },
        ]
        let sources = [
            "Tests/Fixtures/front-matter/bench-boxy-anorak-00324.md #1", "Tests/Fixtures/store/content/products/organic-tee.md #1",
        ]
        let chosen = Self.corpus.filter { sources.contains($0.source) }
        #expect(chosen.count == 2)
        for (source, yaml) in chosen {
            let lines = yaml.split(separator: "\n").map(String.init)
            for index in lines.indices {
                for (number, edit) in edits.enumerated() {
                    var edited = lines
                    edited[index] = edit(lines[index])
                    expectSameAsYams(edited.joined(separator: "\n") + "\n", "\(source) line \(index + 1) edit \(number + 1)")
                }
            }
        }
    }

    /// YAML the plain reader leaves to Yams: Yams's value or error must come out, not a guess.
    static let forYams = [
        "title: &t Tee\nbrand: *t\n", "title: !!str Tee\n", "title: |\n  Tee\n  shirt\n", "title: >\n  Tee\n",
        "title: Tee\n  shirt\n", "title: Tee\n\n  shirt\n", "title: \"Tee\n  shirt\"\n", "title: \"Tee\\tshirt\"\n",
        "title: \"Tee\\u00e9\"\n", "sizes: [S,\n  M]\n", "colour: {value: Sand,\n  swatch: x}\n", "title: Tee # the name\n",
        "title:\tTee\n", "title: Tee\r\nbrand: B\r\n", "title: Tee\ntitle: Top\n", "seo:\n  title: A\n  title: B\n",
        "v: [{a: 1, a: 2}]\n", "sizes: [S, M,]\n", "sizes: [S, , M]\n", "title:\nbrand: B\n", "title:\n", "title: ~\n",
        "? title\n: Tee\n", "\"title\": Tee\n", "'title': Tee\n", "title : Tee\n", "title:Tee\n", "- a\n- b\n", "Tee\n",
        "  title: Tee\n", "title: Tee\n brand: B\n", "title: - Tee\n", "title: a: b\n", "title: a:\n", "title: 'it''s'\n",
        "title: 'open\n", "title: \"open\n", "title: Tee\n---\nbrand: B\n", "%YAML 1.1\n", "title: [a: b]\n",
        "title: {a}\n", "title: {a: }\n", "title: @x\n", "title: `x`\n", "title: .5\n", "title: -5\n", "title: \u{FEFF}Tee\n",
        "title: Tee\u{0085}shirt\n", "title: Tee\u{2028}shirt\n", "title: Tee\u{1F455}\n", "title: a\u{7}b\n",
        "options:\n  - - a\n", "options:\n  -\n    name: a\n", "options:\n  - name: a\n   values: [b]\n",
        "options:\n- name: a\n  values:\n  - b\n   - c\n", "a:\n  b:\n    c: [x, {d: e, f: [g, h]}]\n", "",
        "# only a comment\n", "title: [x] y\n", "title: \"x\" y\n", "title: x, y: z\n", "k\(String(repeating: "e", count: 1100)): v\n",
    ]

    @Test func whatItDoesNotReadGoesToYams() {
        for yaml in Self.forYams { expectSameAsYams(yaml, "forYams") }
        // Most of them the plain reader declines; the few it reads are checked above against Yams.
        let declined = Self.forYams.filter { PlainYAMLReader.read($0) == nil }
        #expect(declined.count >= Self.forYams.count - 4)
    }

    @Test func yamsErrorsComeOutUnchanged() {
        let (parsed, composed) = outcomes("title: Tee\ntitle: Top\n")
        #expect(parsed == composed)
        guard case .failure(let error) = parsed else {
            Issue.record("a duplicated key must be refused")
            return
        }
        #expect(error.line == 2)
        #expect(error.message.contains("title"))
    }

    /// YAML the plain reader reads itself, each checked against Yams.
    static let plain = [
        "title: Tee\n", "title: Tee   \nbrand:   B  \n", "title: \"  spaced  \"\n", "title: 'it''s ''quoted'''\n", "title: ''\n",
        "title: \"\"\n", "title: null\nbrand: ~\n", "title: Crème brûlée — “smart”\n", "price: 29.00\ndate: 2026-01-02\n",
        "url: http://example.com/a?b=c\n", "time: 12:30\n", "title: Men's [tee] {x}, y\n", "sizes: []\ncolours: {}\n",
        "sizes: [ S , M ,L ]\n", "a: [{b: c, d: [e, \"f, g\"]}, 'h']\n", "# lead\ntitle: Tee\n  # indented comment\n\nbrand: B\n",
        "options:\n- name: Colour\n  values:\n  - Red\n  - {value: Blue, swatch: \"#00f\"}\nvariants:\n- {sku: A}\n",
        "options:\n  - name: Size\n    values: [S, M]\n  -   name: Colour\n      values:\n        - Red\nseo:\n  title: T\n",
        "seo:\n    title: T\n    description: D\nimages:\n    - src: /a.svg\n      alt: A\n",
        "a:\n  b:\n    c:\n      - d\n      - e: f\n        g: h\n", "title: 中文 ウール\n", "k-1_2: v\n2XL: x\n",
    ]

    @Test func plainYAMLIsReadWithoutYams() {
        for yaml in Self.plain {
            #expect(PlainYAMLReader.read(yaml) != nil, "\(yaml)")
            expectSameAsYams(yaml, "plain")
        }
    }

    @Test func linesAreThoseOfTheDocument() throws {
        let node = try #require(PlainYAMLReader.read("# c\ntitle: T\n\nvariants:\n  - {sku: A}\n  - sku: B\n    size: S\n"))
        guard case .mapping(let pairs, let line) = node else {
            Issue.record("the root must be a mapping")
            return
        }
        #expect(line == 2)
        #expect(pairs.map(\.key.line) == [2, 4])
        guard case .sequence(let items, let listLine) = pairs[1].value else {
            Issue.record("variants must be a list")
            return
        }
        #expect(listLine == 5)
        #expect(items.map(\.line) == [5, 6])
    }
}

import Foundation
import ShelfConfig
import ShelfCore
import ShelfTesting
import Testing

@testable import ShelfSite

@Suite struct ContentTests {
    let reader = ProductReader(currency: Currency.euro)

    private func product(_ yaml: String, body: String = "Body.") throws(SiteError) -> Product {
        try reader.read("---\n\(yaml)\n---\n\(body)\n", file: "content/products/x.md", defaultHandle: "x").product
    }

    private func error(_ yaml: String) -> SiteError? {
        do {
            _ = try product(yaml)
            return nil
        } catch {
            return error
        }
    }

    @Test func readsAProductWithVariantsAndDefaults() throws {
        let tee = try product(
            """
            title: Tee
            categories: [tops]
            price: "29.00"
            compare_at: "39"
            options:
              - name: Colour
                values:
                  - {value: Forest, swatch: "#2f4f3a"}
              - name: Size
                values: [S, M]
            variants:
              - {sku: T-S, colour: Forest, size: S}
              - {sku: T-M, colour: Forest, size: M, price: "31.50"}
            """, body: "First *paragraph*.\n\nSecond.")
        #expect(tee.handle == "x")
        #expect(tee.variants.map(\.price.minorUnits) == [2900, 3150])
        #expect(tee.variants.map(\.optionValues) == [["Forest", "S"], ["Forest", "M"]])
        #expect(tee.variants[0].compareAtPrice?.minorUnits == 3900)
        #expect(tee.options[0].values[0].swatch == "#2f4f3a")
        #expect(tee.summary == "First paragraph.")
        #expect(tee.descriptionHTML.contains("<em>paragraph</em>"))
    }

    @Test func missingTitleNamesTheFirstLine() {
        let problem = error("price: 5\nvariants:\n  - {sku: A}")
        #expect(problem?.line == 2)
        #expect(problem?.message.contains("no title") == true)
    }

    @Test func missingPriceNamesTheVariantLine() {
        let problem = error("title: T\nvariants:\n  - {sku: A}\n  - {sku: B}")
        #expect(problem?.line == 4)
        #expect(problem?.message.contains("has no price") == true)
    }

    @Test func negativeAndNonNumericPricesAreRefusedWithTheirLine() {
        #expect(error("title: T\nprice: -5\nvariants:\n  - {sku: A}")?.line == 3)
        let problem = error("title: T\nvariants:\n  - {sku: A, price: cheap}")
        #expect(problem?.line == 4)
        #expect(problem?.message.contains("not a number") == true)
    }

    @Test func variantOptionValueMustBeDeclared() {
        let problem = error(
            """
            title: T
            price: 5
            options:
              - name: Colour
                values: [Black, White]
            variants:
              - {sku: A, colour: Black}
              - {sku: B, colour: Navy}
            """)
        #expect(problem?.line == 9)
        #expect(problem?.message.contains("\"Navy\", which is not among the product's Colour values (Black, White)") == true)
    }

    @Test func duplicateSKUInOneFileIsRefused() {
        #expect(error("title: T\nprice: 5\nvariants:\n  - {sku: A}\n  - {sku: A}")?.message.contains("appears twice") == true)
    }

    @Test func unknownKeysAreTypos() {
        let problem = error("title: T\nprise: 5\nvariants:\n  - {sku: A, price: 5}")
        #expect(problem?.line == 3)
        #expect(problem?.message.contains("unknown key \"prise\"") == true)
    }

    @Test func brokenYAMLNamesTheFileLine() {
        let problem = error("title: T\nprice: [5\nvariants: x")
        #expect(problem?.file == "content/products/x.md")
        #expect((problem?.line ?? 0) >= 3)
        #expect(problem?.message.contains("YAML") == true)
    }

    @Test func frontMatterMustBeClosed() {
        #expect(throws: SiteError.self) { try FrontMatter(splitting: "---\ntitle: x\n", file: "a.md") }
        #expect(throws: SiteError.self) { try FrontMatter(splitting: "title: x\n", file: "a.md") }
    }

    @Test func markdownLeavesRawHTMLOut() {
        let rendered = Markdown.render("Hello <script>alert(1)</script> **there**")
        #expect(!rendered.html.contains("<script>"))
        #expect(rendered.html.contains("<strong>there</strong>"))
        #expect(rendered.summary == "Hello alert(1) there")
    }
}

@Suite struct MarkdownTableTests {
    @Test func pipeTablesBecomeHTMLTables() {
        let html = Markdown.render("Intro.\n\n| Size | Chest |\n|---|--:|\n| S | 88–93 **cm** |\n| M | 94 |\n\nAfter.").html
        #expect(html.contains("<thead><tr><th>Size</th><th class=\"align-right\">Chest</th></tr></thead>"))
        #expect(html.contains("<tr><td>S</td><td class=\"align-right\">88–93 <strong>cm</strong></td></tr>"))
        #expect(html.contains("<p>After.</p>"))
        #expect(!html.contains("SHELFTABLE"))
    }

    @Test func pipesInCodeAndTextStayText() {
        let html = Markdown.render("```\n| a | b |\n|---|---|\n```\n\nA | B").html
        #expect(!html.contains("<table>"))
        #expect(html.contains("A | B"))
    }
}

@Suite struct PaginationTests {
    @Test func windowShowsEndsAndNeighboursWithGaps() {
        #expect(Listing.window(around: 1, of: 1) == [1])
        #expect(Listing.window(around: 2, of: 4) == [1, 2, 3, 4])
        #expect(Listing.window(around: 10, of: 400) == [1, nil, 8, 9, 10, 11, 12, nil, 400])
        #expect(Listing.window(around: 400, of: 400) == [1, nil, 398, 399, 400])
    }
}

import Foundation
import Testing

@testable import ShelfSite

/// What a product page no longer repeats: a long first paragraph in full in the meta tags, and
/// the page's URL in every offer of its structured data.
@Suite struct ProductPageWeightTests {
    static let longParagraph =
        "Fine merino wool, knitted to last for years in a small mill that has spun yarn since 1887. "
        + "Each crew is washed, pressed and checked by hand before it leaves, so it keeps its shape, "
        + "resists pilling and softens with every wear, season after season."

    private func crewPage() throws -> String {
        let store = try FixtureStore()
        try store.edit(
            "content/products/merino-crew.md", replacing: "Fine merino wool, knitted to last for years.", with: Self.longParagraph)
        _ = try store.build()
        return try store.read("site/products/merino-crew/index.html")
    }

    private func attribute(_ name: String, of html: String) -> String? {
        guard let start = html.range(of: name + " content=\"") else { return nil }
        guard let end = html[start.upperBound...].firstIndex(of: "\"") else { return nil }
        return String(html[start.upperBound..<end])
    }

    private func structuredData(_ html: String) throws -> [String: Any] {
        let open = try #require(html.range(of: "<script type=\"application/ld+json\">"))
        let close = try #require(html[open.upperBound...].range(of: "</script>"))
        let json = try JSONSerialization.jsonObject(with: Data(html[open.upperBound..<close.lowerBound].utf8))
        return try #require(json as? [String: Any])
    }

    @Test func metaDescriptionsOfALongParagraphAreCutAtAWord() throws {
        let html = try crewPage()
        for name in ["name=\"description\"", "property=\"og:description\""] {
            let description = try #require(attribute(name, of: html))
            #expect(description.count <= MetaDescription.limit)
            #expect(description.hasSuffix("…"))
            #expect(Self.longParagraph.hasPrefix(String(description.dropLast())))
            // whole words: what follows the cut is a space or punctuation, never a letter
            let next = try #require(Self.longParagraph.dropFirst(description.count - 1).first)
            #expect(!next.isLetter)
        }
    }

    @Test func structuredDataKeepsTheWholeParagraph() throws {
        let data = try structuredData(try crewPage())
        #expect(data["description"] as? String == Self.longParagraph)
    }

    @Test func offersNameTheirVariantsWithoutRepeatingThePageURL() throws {
        let data = try structuredData(try crewPage())
        #expect(data["url"] as? String == "https://fixture.example/products/merino-crew/")
        let offers = try #require(data["offers"] as? [[String: Any]])
        #expect(offers.count == 5)
        for offer in offers {
            #expect(offer["url"] == nil)
            #expect(offer["sku"] is String && offer["price"] is String && offer["availability"] is String)
        }
    }

    @Test func shortTextIsKeptWhole() {
        #expect(MetaDescription.cut("A heavyweight organic cotton tee.") == "A heavyweight organic cotton tee.")
        let exact = String(repeating: "a", count: MetaDescription.limit)
        #expect(MetaDescription.cut(exact) == exact)
    }

    @Test func oneLongWordIsCutWithinTheLimit() {
        let cut = MetaDescription.cut(String(repeating: "x", count: 400))
        #expect(cut.count == MetaDescription.limit)
        #expect(cut.hasSuffix("…"))
    }
}

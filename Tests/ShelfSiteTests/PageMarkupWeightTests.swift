import Foundation
import Testing

@testable import ShelfSite

/// What the markup of product pages and cards no longer carries: template indentation, a heart
/// icon drawn in every card, null members in the variants' JSON.
@Suite struct PageMarkupWeightTests {
    private func built(_ page: String) throws -> String {
        let store = try FixtureStore()
        _ = try store.build()
        return try store.read(page)
    }

    @Test func builtPagesCarryNoIndentation() throws {
        for page in ["site/products/organic-tee/index.html", "site/shop/index.html", "site/index.html"] {
            let html = try built(page)
            let indented = html.split(separator: "\n").filter { $0.first == " " || $0.first == "\t" }
            #expect(indented.isEmpty, "\(page): \(indented.prefix(3))")
        }
    }

    @Test func heartsDrawTheirIconFromTheStylesheet() throws {
        let html = try built("site/products/organic-tee/index.html")
        let hearts = html.components(separatedBy: "<form class=\"wish\"").dropFirst()
        #expect(!hearts.isEmpty)
        for heart in hearts {
            let form = try #require(heart.components(separatedBy: "</form>").first)
            #expect(!form.contains("<svg"))
            #expect(form.contains("aria-label=\"Save "))
        }
    }

    @Test func variantsJSONLeavesOutMembersWithoutAValue() throws {
        let html = try built("site/products/organic-tee/index.html")
        let open = try #require(html.range(of: "<script type=\"application/json\" id=\"variants\">"))
        let close = try #require(html[open.upperBound...].range(of: "</script>"))
        let text = String(html[open.upperBound..<close.lowerBound])
        #expect(!text.contains("null"))
        let variants = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [[String: Any]])
        #expect(!variants.isEmpty)
        for variant in variants {
            #expect(variant["sku"] is String && variant["price"] is String && variant["available"] is Bool)
        }
    }
}

import Foundation
import Testing

@testable import ShelfSite

/// A card keeps only its rendered `html` for the whole build; a theme that writes the card's
/// other values itself still gets every one of them.
@Suite struct CardValuesTests {
    @Test func aThemeThatWritesCardValuesItselfGetsThemAll() throws {
        let store = try FixtureStore()
        try store.edit(
            "themes/default/templates/listing.mustache", replacing: "<li>{{{html}}}</li>",
            with:
                "<li data-card=\"{{handle}}|{{title}}|{{brand}}|{{url}}|{{#from}}from {{/from}}{{price}}|{{#image}}{{src}}{{/image}}|{{#swatches}}{{name}}={{colour}};{{/swatches}}\">{{{html}}}</li>"
        )
        _ = try store.build()
        let shop = try store.read("site/shop/index.html")
        #expect(
            shop.contains(
                "data-card=\"organic-tee|Organic Tee|Evergreen|/products/organic-tee/|from €29.00|/images/tee-forest.svg|Forest=#2f4f3a;Sand=#d8c3a5;\""
            ))
        #expect(shop.contains("<article class=\"card\">"))
    }
}

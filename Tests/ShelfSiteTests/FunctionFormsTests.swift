import Foundation
import ShelfConfig
import Testing

@testable import ShelfSite

/// A page never carries a form for a function the store does not have.
@Suite struct FunctionFormsTests {
    @Test func pagesHaveNoFormForAFunctionTheStoreDoesNotHave() throws {
        let store = try FixtureStore()
        _ = try store.build()
        let site = store.folder.siteFolder
        var actions: Set<String> = []
        for page in Theme.files(under: site, extension: "html") {
            let html = try String(contentsOfFile: site + "/" + page, encoding: .utf8)
            var rest = html[...]
            while let form = rest.range(of: "<form") {
                let tag = rest[form.lowerBound...].prefix { $0 != ">" }
                if let action = tag.range(of: "action=\"") {
                    actions.insert(String(tag[action.upperBound...].prefix { $0 != "\"" }))
                }
                rest = rest[form.upperBound...]
            }
        }
        #expect(actions.contains("/fn/cart/add"), "product pages post to the cart")
        for action in actions where action.hasPrefix("/fn/") {
            let name = String(action.dropFirst(4).prefix { $0 != "/" && $0 != "." && $0 != "?" })
            #expect(FunctionNames.all.contains(name), "a form posts to \(action)")
        }
    }

    @Test func templatesSeeTheFunctionsTheStoreHas() throws {
        let store = try FixtureStore()
        try store.edit(
            "themes/default/templates/404.mustache", replacing: "<section",
            with:
                "{{#functions.search}}<p id=\"has-search\"></p>{{/functions.search}}{{#functions.giftcards}}<p id=\"has-giftcards\"></p>{{/functions.giftcards}}<section"
        )
        _ = try store.build()
        let page = try store.read("site/404.html")
        #expect(page.contains("id=\"has-search\""))
        #expect(!page.contains("id=\"has-giftcards\""))
    }
}

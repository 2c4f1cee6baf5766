import Foundation
import Testing

@testable import ShelfSite

/// The pages a web server shows when a function fails or restarts.
@Suite struct ErrorPageTests {
    @Test func buildWritesThemed500And503Pages() throws {
        let store = try FixtureStore()
        _ = try store.build()
        let home = try store.read("site/index.html")
        let stylesheet = try #require(home.range(of: "/assets/app.[0-9a-f]+\\.css", options: .regularExpression))
        for (status, title) in [(500, "Something went wrong"), (503, "Back in a moment")] {
            let page = try store.read("site/\(status).html")
            #expect(page.contains("<p class=\"notfound__code\">\(status)</p>"))
            #expect(page.contains(title))
            #expect(page.contains(String(home[stylesheet])), "the page has the store's layout")
            #expect(page.contains("noindex"))
        }
    }
}

import Foundation
import ShelfConfig
import Testing

@testable import ShelfSite

/// A link a merchant writes to a page the site does not have is named by its file and line.
@Suite struct BrokenLinkTests {
    @Test func buildNamesTheContentFileAndLineOfABrokenLink() throws {
        let store = try FixtureStore()
        // faq.md has 7 lines; after a blank one the broken link goes on line 9.
        try store.write("content/pages/faq.md", try store.read("content/pages/faq.md") + "\nSee [our old page](/old-page/).\n")
        let summary = try store.build()
        #expect(summary.brokenLinks.map(\.description) == ["content/pages/faq.md:9: links to /old-page/, which the site does not have"])
        // The build goes on: the page is published, the warning is all.
        #expect(try store.read("site/faq/index.html").contains("href=\"/old-page/\""))
    }

    @Test func linksToPagesFilesAndFunctionsTheStoreHasAreNotReported() throws {
        let store = try FixtureStore()
        try store.write(
            "content/pages/faq.md",
            try store.read("content/pages/faq.md")
                + "\n[About](/about/), [tee](/products/organic-tee/#size), [cart](/fn/cart), [status](/fn/checkout/status?x=1),"
                + " [search](/fn/search?q=wool&colour=Navy),"
                + " [image](/images/story.svg), [feed](/feed.xml), [elsewhere](https://example.com/x/)\n")
        #expect(try store.build().brokenLinks.isEmpty)
    }

    @Test func aLinkToAFunctionTheStoreDoesNotHaveIsBroken() throws {
        let store = try FixtureStore()
        try store.write(
            "content/stories/fair-wages.md", try store.read("content/stories/fair-wages.md") + "\n[Gift cards](/fn/giftcards?card=mine)\n")
        #expect(
            try store.build().brokenLinks.map(\.description) == [
                "content/stories/fair-wages.md:8: links to /fn/giftcards?card=mine, which the site does not have"
            ])
    }

    @Test func anEditedProductDescriptionIsCheckedOnTheFastPath() throws {
        let store = try FixtureStore()
        _ = try store.build()
        let file = "content/products/organic-tee.md"
        let lines = try store.read(file).split(separator: "\n", omittingEmptySubsequences: false).count
        try store.write(file, try store.read(file) + "Pairs with [the gone scarf](/products/gone-scarf/).\n")
        let summary = try store.build()
        #expect(summary.fastPath)
        #expect(
            summary.brokenLinks.map(\.description) == [
                "\(file):\(lines): links to /products/gone-scarf/, which the site does not have"
            ])
    }

    @Test func anUnpublishedProductsLinksAreNotChecked() throws {
        let store = try FixtureStore()
        let file = "content/products/draft-jacket.md"
        #expect(try store.read(file).contains("published: false"))
        try store.write(file, try store.read(file) + "\n[Gone](/gone/)\n")
        #expect(try store.build().brokenLinks.isEmpty)
    }

    @Test func findsTheLinksOfAPageThatPointInsideTheSite() {
        let html = """
            <a href="/a/">A</a><img src="/i.png" alt=""><form method="post" action="/fn/cart/add"></form>
            <a href="//cdn.example/x">B</a><a href="https://example.com/">C</a><a data-href="/no/">D</a>
            <a href="/q?a=1&amp;b=2">E</a><a href="/">F</a>
            """
        #expect(LinkChecker.links(in: html) == ["/a/", "/i.png", "/fn/cart/add", "/q?a=1&b=2", "/"])
    }

    @Test func anImpossibleDateIsRefusedWithItsFileAndLine() throws {
        let store = try FixtureStore()
        try store.edit("content/stories/fair-wages.md", replacing: "date: 2026-07-12", with: "date: 2026-02-31")
        do {
            _ = try store.build()
            Issue.record("a story dated 2026-02-31 was built")
        } catch let failure as BuildFailure {
            #expect(
                failure.errors.map(\.description) == [
                    "content/stories/fair-wages.md:3: date \"2026-02-31\" does not exist: month 02 of 2026 has 28 days"
                ])
        }
        try store.edit("content/stories/fair-wages.md", replacing: "date: 2026-02-31", with: "date: 2028-02-29")
        _ = try store.build()
        try store.edit("content/stories/fair-wages.md", replacing: "date: 2028-02-29", with: "date: 2100-02-29")
        #expect(throws: BuildFailure.self) { try store.build() }
        try store.edit("content/stories/fair-wages.md", replacing: "date: 2100-02-29", with: "date: 2026-04-31")
        #expect(throws: BuildFailure.self) { try store.build() }
    }
}

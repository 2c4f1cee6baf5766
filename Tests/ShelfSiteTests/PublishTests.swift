import Foundation
import Testing

@testable import ShelfSite

/// While a build publishes, and after one stopped part way, no page names a file the site lacks.
@Suite struct PublishTests {
    /// The stylesheet the home page names (`assets/app.3f9c2a1b07.css`).
    private func stylesheet(_ store: FixtureStore, page: String = "index.html") throws -> String {
        let html = try store.read("site/" + page)
        let start = try #require(html.range(of: "href=\"/assets/app."))
        let path = html[html.index(after: start.lowerBound)...].dropFirst("href=\"/".count - 1).prefix { $0 != "\"" }
        return String(path)
    }

    private func editStylesheet(_ store: FixtureStore, _ comment: String) throws {
        let css = "themes/default/assets/app.css"
        try store.write(css, try store.read(css) + "\n/* \(comment) */\n")
    }

    /// Every `/assets/` file a built page names that is missing from the site.
    private func missingAssets(_ store: FixtureStore) throws -> [String] {
        let site = store.folder.siteFolder
        var missing: [String] = []
        for page in Theme.files(under: site, extension: "html") {
            let html = try String(contentsOfFile: site + "/" + page, encoding: .utf8)
            for link in LinkChecker.links(in: html) where link.hasPrefix("/assets/") {
                if !FileManager.default.fileExists(atPath: site + link) { missing.append("\(page): \(link)") }
            }
        }
        return missing
    }

    private func exists(_ store: FixtureStore, _ path: String) -> Bool {
        FileManager.default.fileExists(atPath: store.folder.siteFolder + "/" + path)
    }

    @Test func publishesAssetsThenNewPagesThenChangedPages() {
        let order = SiteWriter.publishingOrder(
            [
                "404.html", "about/index.html", "about/index.html.gz", "assets/app.2.css", "assets/app.2.css.gz", "new/index.html",
                "robots.txt",
            ],
            isNew: { $0.hasPrefix("new/") || $0.hasPrefix("assets/") })
        #expect(
            order == [
                "assets/app.2.css", "assets/app.2.css.gz", "robots.txt", "new/index.html", "404.html", "about/index.html",
                "about/index.html.gz",
            ])
    }

    @Test func anIncrementalBuildKeepsThePreviousStylesheetForOneMoreBuild() throws {
        let store = try FixtureStore()
        _ = try store.build()
        let first = try stylesheet(store)
        try editStylesheet(store, "second")
        let summary = try store.build()
        #expect(summary.incremental)
        let second = try stylesheet(store)
        #expect(first != second)
        #expect(exists(store, first) && exists(store, first + ".gz") && exists(store, second))
        try editStylesheet(store, "third")
        _ = try store.build()
        #expect(!exists(store, first) && !exists(store, first + ".gz"))
        #expect(try exists(store, second) && exists(store, stylesheet(store)))
    }

    @Test func aFullBuildKeepsThePreviousStylesheetForOneMoreBuild() throws {
        let store = try FixtureStore()
        _ = try store.build()
        let first = try stylesheet(store)
        try editStylesheet(store, "second")
        _ = try store.build(full: true)
        let second = try stylesheet(store)
        #expect(exists(store, first) && exists(store, first + ".gz") && exists(store, second))
        try editStylesheet(store, "third")
        _ = try store.build(full: true)
        #expect(!exists(store, first))
        #expect(try exists(store, second) && exists(store, stylesheet(store)))
    }

    @Test func aPublishStoppedPartWayLeavesNoPageNamingAMissingAsset() throws {
        let store = try FixtureStore()
        _ = try store.build()
        try editStylesheet(store, "second")
        // A folder where a changed page goes makes its rename fail: the publish stops there, as
        // a build killed at that moment would.
        let about = store.folder.siteFolder + "/about/index.html"
        try FileManager.default.removeItem(atPath: about)
        try FileManager.default.createDirectory(atPath: about, withIntermediateDirectories: false)
        try store.write("site/about/index.html/keep", "")
        #expect(throws: BuildFailure.self) { try store.build() }
        // Half published: 404.html went before the failure and names the new stylesheet, the
        // home page did not and names the old one. Both are there.
        #expect(try stylesheet(store, page: "404.html") != stylesheet(store))
        #expect(try missingAssets(store) == [])
    }
}

import Foundation
import ShelfStore
import Testing

@testable import ShelfSite

/// A rebuild rewrites exactly the files whose content changed, and nothing else.
@Suite struct IncrementalTests {
    /// Pages written by a build, without their `.gz` copies.
    private func pages(_ summary: SiteBuilder.Summary) -> Set<String> {
        Set(summary.written.filter { !$0.hasSuffix(".gz") })
    }

    /// Every built HTML file that links to a path.
    private func pagesLinking(to path: String, in store: FixtureStore) throws -> Set<String> {
        let site = store.folder.siteFolder
        return Set(
            try Theme.files(under: site, extension: "html").filter {
                try String(contentsOfFile: site + "/" + $0, encoding: .utf8).contains("href=\"\(path)\"")
            })
    }

    @Test func firstBuildWritesEverythingAndASecondNothing() throws {
        let store = try FixtureStore()
        let first = try store.build()
        #expect(!first.incremental)
        #expect(pages(first).count == first.files)
        #expect(first.written.contains("products/organic-tee/index.html.gz"))
        let second = try store.build()
        #expect(second.incremental)
        #expect(second.written.isEmpty)
    }

    @Test func stockChangeRewritesOnlyThatProductPage() throws {
        let store = try FixtureStore.builtWithStock()
        try store.openStore().setStock("TEE-FOR-L", to: 0)
        let summary = try store.build()
        #expect(summary.fastPath)
        #expect(summary.written == ["products/organic-tee/index.html", "products/organic-tee/index.html.gz"])
        #expect(try store.read("site/products/organic-tee/index.html").contains("id=\"sku-tee-for-l\" value=\"TEE-FOR-L\" disabled"))
    }

    @Test func stockChangeThatShowsNothingNewRewritesNothing() throws {
        let store = try FixtureStore.builtWithStock()
        try store.openStore().setStock("TEE-FOR-L", to: 19)
        #expect(try store.build().written.isEmpty)
    }

    @Test func sellingOutAProductRewritesItsCardsToo() throws {
        let store = try FixtureStore.builtWithStock()
        let linking = try pagesLinking(to: "/products/wool-beanie/", in: store)
        try store.openStore().setStock("BEANIE-ONE", to: 0)
        let written = pages(try store.build())
        #expect(written == linking.union(["products/wool-beanie/index.html"]))
    }

    @Test func descriptionEditRewritesOnlyTheProductPage() throws {
        let store = try FixtureStore.builtWithStock()
        try store.edit(
            "content/products/merino-crew.md", replacing: "knitted to last for years.",
            with: "knitted to last for years.\n\nA second paragraph.")
        let summary = try store.build()
        #expect(summary.fastPath)
        #expect(pages(summary) == ["products/merino-crew/index.html"])
    }

    @Test func titleEditRewritesEveryPageShowingTheProduct() throws {
        let store = try FixtureStore.builtWithStock()
        let linking = try pagesLinking(to: "/products/merino-crew/", in: store)
        try store.edit("content/products/merino-crew.md", replacing: "title: Merino Crew", with: "title: Merino Crew Neck")
        let written = pages(try store.build())
        #expect(written == linking.union(["products/merino-crew/index.html", "feed.xml"]))
        #expect(try store.read("site/shop/knitwear/index.html").contains("Merino Crew Neck"))
    }

    @Test func partialEditRewritesExactlyThePagesUsingIt() throws {
        let store = try FixtureStore.builtWithStock()
        let listings = Set(Theme.files(under: store.folder.siteFolder + "/shop", extension: "html").map { "shop/" + $0 })
        let template = try store.read("themes/default/templates/partials/pagination.mustache")
        try store.write("templates/partials/pagination.mustache", template + "<!-- changed -->\n")
        #expect(pages(try store.build()) == listings)
    }

    @Test(arguments: ["partials/category-nav", "partials/filters"])
    func editingAPartialTheBuildRendersOncePerCategoryRewritesTheListings(_ partial: String) throws {
        let store = try FixtureStore.builtWithStock()
        let listings = Set(Theme.files(under: store.folder.siteFolder + "/shop", extension: "html").map { "shop/" + $0 })
        let template = try store.read("themes/default/templates/\(partial).mustache")
        try store.write("templates/\(partial).mustache", template + "<!-- changed -->\n")
        #expect(pages(try store.build()) == listings)
        #expect(try store.read("site/shop/index.html").contains("<!-- changed -->"))
    }

    @Test func removedProductIsDeletedFromTheSite() throws {
        let store = try FixtureStore.builtWithStock()
        try FileManager.default.removeItem(atPath: store.root + "/content/products/wool-beanie.md")
        try store.edit(
            "content/campaigns/winter-layers.md", replacing: "products: [merino-crew, wool-beanie]", with: "products: [merino-crew]")
        let summary = try store.build()
        #expect(summary.removed.contains("products/wool-beanie/index.html"))
        #expect(!FileManager.default.fileExists(atPath: store.root + "/site/products/wool-beanie/index.html"))
        #expect(!FileManager.default.fileExists(atPath: store.root + "/site/products/wool-beanie/index.html.gz"))
    }

    @Test func fullRebuildIsByteIdentical() throws {
        let store = try FixtureStore.builtWithStock()
        let site = store.folder.siteFolder
        let files = Theme.files(under: site, extension: nil)
        let before = try files.map { try Data(contentsOf: URL(fileURLWithPath: site + "/" + $0)) }
        _ = try store.build(full: true)
        #expect(Theme.files(under: site, extension: nil) == files)
        let after = try files.map { try Data(contentsOf: URL(fileURLWithPath: site + "/" + $0)) }
        #expect(before == after)
    }

    @Test func aNewDatabaseIsSyncedAgainDespiteTheCaches() throws {
        let store = try FixtureStore.builtWithStock()
        try store.replaceDatabase()
        _ = try store.build()
        let rows = try store.openStore().stockList()
        #expect(rows.contains { $0.sku == "TEE-FOR-L" && $0.onHand == 0 })
        #expect(pages(try store.build()).isEmpty)
    }

    @Test func damagedCachesMeanAFullParseNotAWrongSite() throws {
        let store = try FixtureStore.builtWithStock()
        for cache in ["content-cache", "catalogue-state", "build-cache"] {
            try Data("garbage".utf8).write(to: URL(fileURLWithPath: store.folder.workFolder + "/" + cache))
        }
        try store.edit("content/products/merino-crew.md", replacing: "knitted to last for years.", with: "knitted to last.")
        _ = try store.build()
        #expect(try store.read("site/products/merino-crew/index.html").contains("knitted to last."))
        #expect(try store.read("site/products/organic-tee/index.html").contains("Only 2 left"))
    }

    @Test func anEditedFileIsParsedAgainEvenWithTheSameSize() throws {
        let store = try FixtureStore.builtWithStock()
        try store.edit("content/products/wool-beanie.md", replacing: "A warm beanie", with: "A snug beanie")
        let written = pages(try store.build())
        #expect(written.contains("products/wool-beanie/index.html"))
        #expect(try store.read("site/products/wool-beanie/index.html").contains("A snug beanie"))
    }

    @Test func fastPathPagesEqualWhatAFullBuildWrites() throws {
        let store = try FixtureStore.builtWithStock()
        try store.openStore().setStock("CREW-CHA-S", to: 1)
        try store.edit("content/products/organic-tee.md", replacing: "- Made in Portugal", with: "- Made in Porto, Portugal")
        let fast = try store.build()
        #expect(fast.fastPath)
        #expect(pages(fast) == ["products/organic-tee/index.html", "products/merino-crew/index.html"])
        let site = store.folder.siteFolder
        let files = Theme.files(under: site, extension: nil)
        let before = try files.map { try Data(contentsOf: URL(fileURLWithPath: site + "/" + $0)) }
        let full = try store.build(full: true)
        #expect(!full.fastPath && !full.incremental)
        #expect(try files.map { try Data(contentsOf: URL(fileURLWithPath: site + "/" + $0)) } == before)
        #expect(try store.read("site/products/merino-crew/index.html").contains("Only 1 left"))
    }

    @Test func titleEditsTakeTheOrdinaryPath() throws {
        let store = try FixtureStore.builtWithStock()
        try store.edit("content/products/wool-beanie.md", replacing: "title: Wool Beanie", with: "title: Wool Hat")
        #expect(!(try store.build()).fastPath)
    }

    @Test func badInputOnTheFastPathIsStillReported() throws {
        let store = try FixtureStore.builtWithStock()
        try store.edit("content/products/wool-beanie.md", replacing: "title: Wool Beanie", with: "title: [Wool Beanie")
        #expect(throws: BuildFailure.self) { try store.build() }
        #expect(try store.read("site/products/wool-beanie/index.html").contains("Wool Beanie"))
    }

    @Test func anOrdinaryBuildAfterFastOnesRewritesOnlyItsOwnChanges() throws {
        let store = try FixtureStore.builtWithStock()
        try store.openStore().setStock("TEE-FOR-L", to: 1)
        #expect(try store.build().fastPath)
        try store.edit("content/products/organic-tee.md", replacing: "- Made in Portugal", with: "- Made in Braga, Portugal")
        #expect(try store.build().fastPath)
        let linking = try pagesLinking(to: "/products/wool-beanie/", in: store)
        try store.edit("content/products/wool-beanie.md", replacing: "title: Wool Beanie", with: "title: Wool Hat")
        let summary = try store.build()
        #expect(!summary.fastPath)
        #expect(pages(summary) == linking.union(["products/wool-beanie/index.html", "feed.xml"]))
        #expect(try store.read("site/products/organic-tee/index.html").contains("Braga"))
    }
}

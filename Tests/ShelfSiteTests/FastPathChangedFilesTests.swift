import Foundation
import ShelfStore
import Testing

@testable import ShelfSite

/// A build told which files changed (`shelf build --changed FILE`, `--changed-only`) stats only
/// those: it renders what they and the stock changed exactly as a full build would, sends
/// anything but a product file down the ordinary path, and leaves an edit nobody named to the
/// next plain build rather than publishing half of it.
@Suite struct FastPathChangedFilesTests {

    private func build(_ store: FixtureStore, changed: [String]) throws -> SiteBuilder.Summary {
        try SiteBuilder(folder: store.folder).build(.init(quiet: true, changedFiles: changed.map { store.root + "/" + $0 }))
    }

    /// Every file of the site, by path.
    private func site(_ store: FixtureStore) throws -> [String: Data] {
        let root = store.folder.siteFolder
        return Dictionary(
            uniqueKeysWithValues: try Theme.files(under: root, extension: nil).map {
                ($0, try Data(contentsOf: URL(fileURLWithPath: root + "/" + $0)))
            })
    }

    /// Whether the site equals what a full build writes from the same inputs.
    private func matchesAFullBuild(_ store: FixtureStore) throws -> Bool {
        let built = try site(store)
        _ = try store.build(full: true)
        return try site(store) == built
    }

    private func pages(_ summary: SiteBuilder.Summary) -> Set<String> { Set(summary.written.filter { !$0.hasSuffix(".gz") }) }

    @Test func aNamedEditIsRenderedAloneAsAFullBuildRendersIt() throws {
        let store = try FixtureStore.builtWithStock()
        try store.edit("content/products/organic-tee.md", replacing: "- Made in Portugal", with: "- Made in Porto, Portugal")
        let summary = try build(store, changed: ["content/products/organic-tee.md"])
        #expect(summary.fastPath)
        #expect(pages(summary) == ["products/organic-tee/index.html"])
        #expect(try store.read("site/products/organic-tee/index.html").contains("Porto"))
        #expect(try matchesAFullBuild(store))
    }

    @Test func aStockChangeWithNoFileNamedRendersItsPageAsAFullBuildRendersIt() throws {
        let store = try FixtureStore.builtWithStock()
        try store.openStore().setStock("TEE-FOR-L", to: 1)
        let summary = try build(store, changed: [])
        #expect(summary.fastPath)
        #expect(pages(summary) == ["products/organic-tee/index.html"])
        #expect(try store.read("site/products/organic-tee/index.html").contains("Only 1 left"))
        #expect(try matchesAFullBuild(store))
    }

    @Test func anEditNobodyNamedWaitsForThePlainBuildThatSeesIt() throws {
        let store = try FixtureStore.builtWithStock()
        try store.edit("content/products/wool-beanie.md", replacing: "recycled wool.", with: "recycled wool, knitted in Galway.")
        try store.openStore().setStock("TEE-FOR-L", to: 1)
        let told = try build(store, changed: [])
        #expect(told.fastPath)
        #expect(pages(told) == ["products/organic-tee/index.html"])
        #expect(try !store.read("site/products/wool-beanie/index.html").contains("Galway"))
        // The feed shows the beanie's description too: the plain build takes the ordinary path.
        #expect(pages(try store.build()).contains("products/wool-beanie/index.html"))
        #expect(try store.read("site/products/wool-beanie/index.html").contains("Galway"))
        #expect(try matchesAFullBuild(store))
    }

    @Test func anUnnamedEditOfAProductTheRenderedPagesShowTakesTheOrdinaryPath() throws {
        let store = try FixtureStore.builtWithStock()
        // The tee's page shows the crew's card: a build that read the new crew must not half-publish it.
        try store.edit("content/products/merino-crew.md", replacing: "title: Merino Crew", with: "title: Merino Crew Neck")
        try store.openStore().setStock("TEE-FOR-L", to: 1)
        let summary = try build(store, changed: [])
        #expect(!summary.fastPath)
        #expect(try store.read("site/products/merino-crew/index.html").contains("Merino Crew Neck"))
        #expect(try matchesAFullBuild(store))
    }

    @Test(arguments: ["content/pages/about.md", "content/products/linen-scarf.md", "shelf.toml"])
    func namingAFileThatIsNotAKnownProductFileTakesTheOrdinaryPath(_ file: String) throws {
        let store = try FixtureStore.builtWithStock()
        let text =
            file.hasSuffix("linen-scarf.md")
            ? try store.read("content/products/wool-beanie.md").replacingOccurrences(of: "BEANIE-ONE", with: "SCARF-ONE")
                .replacingOccurrences(of: "Wool Beanie", with: "Linen Scarf")
            : try store.read(file) + (file.hasSuffix(".toml") ? "\n# changed\n" : "\nOne more line.\n")
        try store.write(file, text)
        let summary = try build(store, changed: [file])
        #expect(!summary.fastPath)
        #expect(try matchesAFullBuild(store))
    }

    @Test func onlyMarkdownFilesDirectlyInTheProductFolderAreProductFileNames() throws {
        let store = try FixtureStore.builtWithStock()
        let products = store.root + "/content/products"
        #expect(
            FastPath.productFileNames([products + "/organic-tee.md", products + "/../products/x.md"], in: products) == [
                "organic-tee.md", "x.md",
            ])
        #expect(FastPath.productFileNames([products + "/notes.txt"], in: products) == nil)
        #expect(FastPath.productFileNames([products + "/.hidden.md"], in: products) == nil)
        #expect(FastPath.productFileNames([store.root + "/content/pages/about.md"], in: products) == nil)
    }
}

import Foundation
import ShelfConfig
import ShelfCore
import ShelfStore
import ShelfTesting
import Testing

@testable import ShelfSite

/// The catalogue sync runs on its own thread beside the plan and the render: the build still
/// records the stock its pages show, and a sync the database refuses still fails the whole build.
@Suite struct CatalogueSyncBesideTests {
    @Test func aFirstBuildRecordsTheStockVersionOfTheRowsItsSyncMade() throws {
        let store = try FixtureStore()
        _ = try store.build()
        let state = try #require(CatalogueState.load(from: store.folder.workFolder + "/catalogue-state"))
        let database = try store.openStore()
        // The next build reads no stock again: the new SKUs' rows are the state's, at nothing on hand.
        #expect(state.stockVersion == (try database.stockVersion()))
        #expect(try database.skusChanged(since: state.stockVersion).isEmpty)
        #expect(state.stock == (try database.allStockLevels()))
        #expect(state.stock["TEE-FOR-L"] == 0)
    }

    @Test func stockSetBeforeANewProductSyncsIsShownAndRecorded() throws {
        let store = try FixtureStore()
        _ = try store.build()
        try store.openStore().setStock("TEE-FOR-L", to: 7)
        try store.edit("content/products/organic-tee.md", replacing: "title: Organic Tee", with: "title: Organic Tee Two")
        _ = try store.build()
        let state = try #require(CatalogueState.load(from: store.folder.workFolder + "/catalogue-state"))
        #expect(state.stock["TEE-FOR-L"] == 7)
        #expect(state.stockVersion == (try store.openStore().stockVersion()))
        #expect(try store.read("site/products/organic-tee/index.html").contains("Organic Tee Two"))
    }

    @Test func aSyncTheDatabaseRefusesFailsTheBuildAndKeepsTheSite() throws {
        // The refusal is an SQLite trigger; the sync's errors are the same on both engines.
        guard TestDatabase.postgresURL == nil else { return }
        let store = try FixtureStore()
        _ = try store.build()
        let page = try store.read("site/products/organic-tee/index.html")
        try store.edit("content/products/organic-tee.md", replacing: "title: Organic Tee", with: "title: Organic Tee Two")
        try store.openStore().refuseProductChanges(saying: "refused by the test")
        #expect {
            try store.build()
        } throws: { error in
            guard let failure = error as? BuildFailure else { return false }
            return failure.step == "Sync catalogue" && "\(failure)".contains("refused by the test")
        }
        #expect(try store.read("site/products/organic-tee/index.html") == page)
        #expect(!FileManager.default.fileExists(atPath: store.folder.workFolder + "/staging"))
    }

    @Test func aBuildWithoutItsStateWritesNothingWhenTheDatabaseHoldsItsContent() throws {
        let store = try FixtureStore()
        _ = try store.build()
        let database = try store.openStore()
        let synced = try #require(try database.syncedCatalogue())
        // Rows that differ from the content while the record still names it: only a sync would put them right.
        let content = try ContentLoader.load(store.folder)
        var products = content.products
        let tee = try #require(products.firstIndex { $0.handle == "organic-tee" })
        products[tee].title = "Not From The Content"
        try database.syncCatalogue(products, categories: content.config.categories)
        try database.recordSyncedCatalogue(synced)
        try FileManager.default.removeItem(atPath: store.folder.workFolder)

        _ = try store.build()
        #expect(try database.sellableVariant(sku: "TEE-FOR-L")?.productTitle == "Not From The Content")
        #expect(try store.read("site/products/organic-tee/index.html").contains("Organic Tee"))
        _ = try store.build(full: true)
        #expect(try database.sellableVariant(sku: "TEE-FOR-L")?.productTitle == "Organic Tee")
        #expect(try database.syncedCatalogue() == synced)
    }

    @Test func aBuildWithoutItsStateSyncsContentTheDatabaseDoesNotHold() throws {
        let store = try FixtureStore()
        _ = try store.build()
        let before = try store.openStore().syncedCatalogue()
        try FileManager.default.removeItem(atPath: store.folder.workFolder)
        try store.edit("content/products/organic-tee.md", replacing: "title: Organic Tee", with: "title: Organic Tee Two")
        _ = try store.build()
        let database = try store.openStore()
        #expect(try database.sellableVariant(sku: "TEE-FOR-L")?.productTitle == "Organic Tee Two")
        #expect(try database.syncedCatalogue() != before)
    }
}

import ShelfCore
import ShelfTesting
import Testing

@testable import ShelfStore

/// What a build records of the catalogue it synced, and what makes that record stale.
struct CatalogueSyncedTests {
    @Test func theRecordHoldsUntilForgotten() throws {
        try withTemporaryStore { store in
            #expect(try store.syncedCatalogue() == nil)
            try store.syncCatalogue([.sample("tee")], categories: [])
            try store.recordSyncedCatalogue(-42)
            try store.syncCatalogue([.sample("tee")], categories: [])
            #expect(try store.syncedCatalogue() == -42)
            try store.forgetSyncedCatalogue()
            #expect(try store.syncedCatalogue() == nil)
            try store.recordSyncedCatalogue(5)
            #expect(try store.syncedCatalogue() == 5)
        }
    }

    @Test func aSearchIndexChangeMakesTheRecordStale() throws {
        try withTemporaryStore { store in
            var tee = Product.sample("tee")
            try store.syncCatalogue([tee], categories: [])
            try store.indexForSearch([tee], categories: [])
            try store.recordSyncedCatalogue(7)
            try store.indexForSearch([tee], categories: [])
            #expect(try store.syncedCatalogue() == 7)
            // An incremental build indexes one edited product without syncing the catalogue.
            tee.title = "Organic tee"
            try store.indexForSearch([tee], categories: [], removingOthers: false)
            #expect(try store.syncedCatalogue() == nil)
        }
    }
}

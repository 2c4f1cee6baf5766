import ShelfCore
import ShelfTesting
import Testing

@testable import ShelfStore

/// What a build records of the catalogue it synced, and what makes that record stale.
struct CatalogueSyncedTests {
    @Test func theRecordHoldsUntilACatalogueSync() throws {
        try withTemporaryStore { store in
            #expect(try store.syncedCatalogue() == nil)
            try store.syncCatalogue([.sample("tee")], categories: [])
            try store.recordSyncedCatalogue(-42)
            #expect(try store.syncedCatalogue() == -42)
            // Even a sync that changes nothing forgets it: only the caller knows which content it synced.
            try store.syncCatalogue([.sample("tee")], categories: [])
            #expect(try store.syncedCatalogue() == nil)
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

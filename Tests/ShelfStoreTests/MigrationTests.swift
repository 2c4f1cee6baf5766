import Foundation
import ShelfStore
import ShelfTesting
import Testing

struct MigrationTests {
    @Test func migrateAppliesTheCatalogue() throws {
        try withTemporaryDirectory { directory in
            let store = try Store.open(at: directory.file("shelf.db"))
            #expect(try store.migrate() == ["catalogue"])
        }
    }

    @Test func migrateTwiceAppliesNothing() throws {
        try withTemporaryDirectory { directory in
            let path = directory.file("shelf.db")
            try Store.open(at: path).migrate()
            #expect(try Store.open(at: path).migrate() == [])
        }
    }

    @Test func openCreatesTheParentFolder() throws {
        try withTemporaryDirectory { directory in
            let path = directory.file("data/live/shelf.db")
            try Store.open(at: path).migrate()
            #expect(FileManager.default.fileExists(atPath: path))
        }
    }

    @Test func inMemoryStoreWorks() throws {
        let store = try Store.openInMemory()
        try store.migrate()
        try store.syncCatalogue([.sample("tee", skus: ["TEE-M"])], categories: [])
        #expect(try store.allStockLevels() == ["TEE-M": 0])
    }
}

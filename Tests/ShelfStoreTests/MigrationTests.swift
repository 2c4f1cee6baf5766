import Foundation
import ShelfTesting
import Testing

@testable import ShelfStore

struct MigrationTests {
    @Test func migrateAppliesEveryMigrationInOrder() throws {
        try withTemporaryDirectory { directory in
            let store = try Store.open(at: directory.file("shelf.db"))
            #expect(try store.migrate() == ["catalogue", "cart"])
        }
    }

    @Test func cartMigrationUpgradesACatalogueDatabase() throws {
        try withTemporaryDirectory { directory in
            let path = directory.file("shelf.db")
            let old = try SQLiteDatabase(path: path)
            #expect(try old.migrate([.catalogue]) == ["catalogue"])
            try old.execute("INSERT INTO products (handle, published, updated_at) VALUES ('tee', 1, '2024-01-01T00:00:00Z')")
            try old.execute(
                """
                INSERT INTO variants (sku, product_handle, price_minor, currency, active, position)
                VALUES ('TEE-M', 'tee', 2500, 'EUR', 1, 0)
                """)
            try old.execute("INSERT INTO stock (sku, on_hand, version) VALUES ('TEE-M', 3, 1)")

            let store = try Store.open(at: path)
            #expect(try store.migrate() == ["cart"])
            let title = "SELECT title FROM products WHERE handle = 'tee'"
            #expect(try store.database.query(title).first?.text("title") == "")
            #expect(try store.syncCatalogue([.sample("tee", skus: ["TEE-M"])], categories: []) == CatalogueSync(updated: 1))
            #expect(try store.database.query(title).first?.text("title") == "Tee")
            let options = try store.database.query("SELECT name, value FROM variant_options WHERE sku = 'TEE-M'")
            #expect(try options.map { "\(try $0.text("name"))=\(try $0.text("value"))" } == ["Size=M"])
            #expect(try store.stockLevels(for: ["TEE-M"]) == ["TEE-M": 3])
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

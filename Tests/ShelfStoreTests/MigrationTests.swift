import Foundation
import ShelfCore
import ShelfTesting
import Testing

@testable import ShelfStore

/// The migrations added since these tests were written, which every upgrade applies too.
private let migrationsAfterOutbox = Migration.all.map(\.name).drop { $0 != "outbox" }.dropFirst().map { $0 }

struct MigrationTests {
    @Test func olderStoresGiveUpSecondOpenOrdersOfASessionBeforeTheSchemaForbidsThem() throws {
        try withTemporaryDirectory { directory in
            let store = try directory.openStore()
            let upToOutbox = Array(Migration.all.prefix { $0.name != "open_orders" })
            _ = try store.database.migrate(upToOutbox)
            try stockTees(store, ["TEE-M": 10])
            let session = try store.createSession(tokenHash: sampleTokenHash(1), now: 0, lifetime: 86_400)
            // Two orders of one session waiting for payment, as double submits used to leave them.
            let older = try store.placeOrder(.sample([("TEE-M", 1)]), now: 100, holdFor: 1800)
            try store.addToCart("TEE-M", quantity: 2, in: session, now: 101, maxPerLine: 10)
            let newer = try store.placeOrder(.sample([("TEE-M", 2)], sessionID: session.id), now: 101, holdFor: 1800)
            try store.database.execute("UPDATE orders SET session_id = ? WHERE id = ?", [.integer(session.id), .integer(older.id)])
            #expect(try store.migrate().contains("open_orders"))
            #expect(try store.order(older.id)?.order.sessionID == nil)
            #expect(try store.order(newer.id)?.order.sessionID == session.id)
            #expect(try store.order(older.id)?.order.status == .pendingPayment)
        }
    }

    @Test func migrateAppliesEveryMigrationInOrder() throws {
        try withTemporaryDirectory { directory in
            let store = try directory.openStore()
            #expect(try store.migrate() == ["catalogue", "cart", "orders", "checkout", "fulfilment", "outbox"] + migrationsAfterOutbox)
            let statuses = try store.database.query("SELECT name FROM order_statuses").map { try $0.text("name") }
            #expect(Set(statuses) == Set(OrderStatus.allCases.map(\.rawValue)))
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
            #expect(try store.migrate() == ["cart", "orders", "checkout", "fulfilment", "outbox"] + migrationsAfterOutbox)
            let title = "SELECT title FROM products WHERE handle = 'tee'"
            #expect(try store.database.query(title).first?.text("title") == "")
            #expect(try store.syncCatalogue([.sample("tee", skus: ["TEE-M"])], categories: []) == CatalogueSync(updated: 1))
            #expect(try store.database.query(title).first?.text("title") == "Tee")
            let options = try store.database.query("SELECT name, value FROM variant_options WHERE sku = 'TEE-M'")
            #expect(try options.map { "\(try $0.text("name"))=\(try $0.text("value"))" } == ["Size=M"])
            #expect(try store.stockLevels(for: ["TEE-M"]) == ["TEE-M": 3])
        }
    }

    @Test func ordersMigrationKeepsTheStockAndHoldsItToWhatIsOnHand() throws {
        try withTemporaryDirectory { directory in
            let path = directory.file("shelf.db")
            let database = try SQLiteDatabase(path: path)
            #expect(try database.migrate([.catalogue, .cart]) == ["catalogue", "cart"])
            try Store(database: database).syncCatalogue([.sample("tee")], categories: [])
            try database.execute("UPDATE stock SET on_hand = 3, version = 5 WHERE sku = 'TEE-M'")
            try database.execute("UPDATE stock SET on_hand = 7, version = 6 WHERE sku = 'TEE-L'")
            try database.execute("UPDATE stock_clock SET version = 6")

            let store = try Store.open(at: path)
            #expect(try store.migrate() == ["orders", "checkout", "fulfilment", "outbox"] + migrationsAfterOutbox)
            let rows = try store.database.query("SELECT sku, on_hand, reserved, allocated, version FROM stock ORDER BY sku")
            #expect(
                try rows.map { "\(try $0.text("sku")) \(try $0.int("on_hand")) \(try $0.int("reserved")) \(try $0.int("allocated"))" }
                    == ["TEE-L 7 0 0", "TEE-M 3 0 0", "TEE-S 0 0 0"])
            #expect(try store.stockVersion() == 6)
            #expect(try store.skusChanged(since: 5) == ["TEE-L"])
            let indexes = try store.database.query("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'stock'")
            #expect(try indexes.map { try $0.text("name") }.contains("stock_by_version"))

            for held in ["reserved = 4", "allocated = 4", "reserved = 2, allocated = 2", "reserved = -1", "allocated = -1"] {
                #expect(throws: DatabaseError.self, "\(held)") {
                    try store.database.execute("UPDATE stock SET \(held) WHERE sku = 'TEE-M'")
                }
            }
            try store.database.execute("UPDATE stock SET reserved = 2, allocated = 1 WHERE sku = 'TEE-M'")
            #expect(throws: DatabaseError.self) { try store.database.execute("UPDATE stock SET on_hand = 2 WHERE sku = 'TEE-M'") }
        }
    }

    @Test func migrateTwiceAppliesNothing() throws {
        try withTemporaryDirectory { directory in
            try directory.openStore().migrate()
            #expect(try directory.openStore().migrate() == [])
        }
    }

    @Test func processesMigratingAtOnceApplyEachMigrationOnce() throws {
        try withTemporaryDirectory { directory in
            let connections = try (0..<4).map { _ in try directory.openStore() }
            let applied = try runConcurrently(threads: 4) { thread in try connections[thread].migrate() }
            #expect(applied.flatMap { $0 }.sorted() == Migration.all.map(\.name).sorted())
        }
    }

    @Test func theEmailChangeRebuildKeepsTheTokensAndTheirNumbering() throws {
        try withTemporaryDirectory { directory in
            let store = try directory.openStore()
            _ = try store.database.migrate(Array(Migration.all.prefix { $0.name != "email-change" }))
            try store.register(
                email: "ann@example.com", name: "Ann", passwordHash: "phc",
                confirmation: AccountToken(hash: sampleTokenHash(1), nonce: "n1"),
                now: 100)
            try store.register(
                email: "bob@example.com", name: "Bob", passwordHash: "phc",
                confirmation: AccountToken(hash: sampleTokenHash(2), nonce: "n2"),
                now: 100)
            let before = try store.database.query("SELECT id, token_hash FROM account_tokens ORDER BY id").map(\.values)
            #expect(try store.migrate().contains("email-change"))
            #expect(try store.database.query("SELECT id, token_hash FROM account_tokens ORDER BY id").map(\.values) == before)
            // A new token takes the next id rather than one the copied rows hold.
            let ann = try #require(try store.customer(email: "ann@example.com"))
            #expect(try store.requestPasswordReset(email: ann.email, link: AccountToken(hash: sampleTokenHash(3), nonce: "n3"), now: 200))
            let ids = try store.database.query("SELECT id FROM account_tokens ORDER BY id").map { try $0.int64("id") }
            #expect(ids.count == 3 && Set(ids).count == 3)
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

@Suite struct CheckoutDraftTests {
    @Test func aDraftIsKeptPerSessionAndClearedOfItsCodeAfterPayment() throws {
        try withTemporaryStore { store in
            let session = try store.createSession(tokenHash: sampleTokenHash(1), now: 100, lifetime: 1000)
            #expect(try store.checkoutDraft(in: session) == nil)
            var draft = CheckoutDraft(shippingID: "standard", code: "WELCOME10")
            draft.address.email = "ann@example.com"
            draft.address.country = "IE"
            try store.saveCheckoutDraft(draft, in: session, now: 101)
            #expect(try store.checkoutDraft(in: session) == draft)
            draft.address.city = "Dublin"
            try store.saveCheckoutDraft(draft, in: session, now: 102)
            #expect(try store.checkoutDraft(in: session)?.address.city == "Dublin")
            try store.clearCheckout(sessionID: session.id)
            let cleared = try #require(try store.checkoutDraft(in: session))
            #expect(cleared.code == nil && cleared.shippingID == nil && cleared.address == draft.address)
            let other = try store.createSession(tokenHash: sampleTokenHash(2), now: 100, lifetime: 1000)
            #expect(try store.checkoutDraft(in: other) == nil)
        }
    }
}

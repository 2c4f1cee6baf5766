import ShelfCore
import ShelfTesting
import Testing

@testable import ShelfStore

/// `shelf db copy`'s store side: an SQLite store's every table into a schema of the test cluster.
@Suite(.enabled(if: TestDatabase.clusterURL != nil, "needs the test cluster: SHELF_TEST_POSTGRES_URL"))
struct DatabaseCopyTests {
    @Test func everyTableArrivesWithItsIdsAndTheKeysContinuePastThem() throws {
        try withTemporaryDirectory { directory in
            let source = try filledSQLiteStore(in: directory)
            try withTemporaryPostgresSchema { url in
                let target = try Store.open(.postgresql(url: url, password: nil))
                let copy = try source.copy(to: target)
                #expect(copy.matches)
                let sourceTables = try source.database.query(Dialect.sqlite.tables).map { try $0.text("name") }
                // On SQLite the analytics have a file of their own; on PostgreSQL their tables live
                // in the store's database, and the copy fills them from that file.
                let analyticsTables = try source.analyticsDatabase().query(Dialect.sqlite.tables).map { try $0.text("name") }
                    .filter { $0.hasPrefix("analytics_") }
                #expect(copy.tables.map(\.name).sorted() == (sourceTables + analyticsTables).sorted())
                let targetTables = try target.database.query(Dialect.postgresql.tables).map { try $0.text("name") }
                #expect(targetTables == (sourceTables + analyticsTables).sorted())
                for table in ["orders", "order_lines", "payments", "customers", "addresses", "outbox", "cart_lines", "schema_migrations"] {
                    #expect(try #require(copy.tables.first { $0.name == table }).target.rows > 0, "\(table) is empty")
                }
                // The domain reads the same state on both sides.
                let order = try #require(try source.orders().first)
                #expect(try target.order(order.id) == source.order(order.id))
                #expect(try target.stockList() == source.stockList())
                #expect(try target.mail().map(\.recipient) == source.mail().map(\.recipient))
                let ann = try #require(try target.customer(email: "ann@example.com"))
                #expect(try target.savedAddresses(ofCustomer: ann.id) == source.savedAddresses(ofCustomer: ann.id))
                // A new row gets an id past every id SQLite handed out, even the deleted session's.
                let highest = try source.database.query("SELECT seq FROM sqlite_sequence WHERE name = 'sessions'")[0].int64("seq")
                let next = try target.createSession(tokenHash: sampleTokenHash(90), now: 300, lifetime: 600)
                #expect(next.id == highest + 1)
                let another = try target.placeOrder(.sample([("TEE-S", 1)]), now: 300, holdFor: 600)
                #expect(another.id == order.id + 1)
            }
        }
    }

    /// The search's own index (postings, vocabulary) arrives as it is and ranks the same there.
    @Test func theSearchIndexArrivesAndFindsWhatTheSourceFinds() throws {
        try withTemporaryDirectory { directory in
            let source = try Store.open(at: directory.file("source.sqlite"))
            try source.migrate()
            try source.syncCatalogue(SearchTests.products, categories: SearchTests.categories)
            try source.indexForSearch(SearchTests.products, categories: SearchTests.categories)
            try withTemporaryPostgresSchema { url in
                let target = try Store.open(.postgresql(url: url, password: nil))
                let copy = try source.copy(to: target)
                #expect(copy.matches)
                #expect(!copy.tables.contains { $0.name.hasPrefix("search_text") })
                for text in ["jumper", "northwool", "creme", "cashmere", "jumpr"] {
                    let found = try target.search(SearchQuery(text: text)).products.map(\.title)
                    #expect(found == (try source.search(SearchQuery(text: text)).products.map(\.title)), "\(text)")
                    #expect(!found.isEmpty, "\(text)")
                }
            }
        }
    }

    /// The analytics file's events, salts, rollups and rollup mark arrive in the target's
    /// database: the report reads the same there, and the next event gets a later id.
    @Test func theAnalyticsFileArrivesInTheTargetsDatabase() throws {
        try withTemporaryDirectory { directory in
            let source = try filledSQLiteStore(in: directory)
            let noon: Int64 = 20_775 * 86_400 + 43_200
            let ann = String(repeating: "a1", count: 16)
            _ = try source.analyticsSalt(now: noon, candidate: String(repeating: "5", count: 64))
            try source.record(AnalyticsEvent(.pageView, path: "/products/tee/", product: "tee"), visitor: ann, now: noon - 86_400)
            try source.rollUpAnalytics(now: noon, keepDays: 90)
            try source.record(AnalyticsEvent(.pageView, path: "/", utmCampaign: "spring"), visitor: ann, now: noon)
            try source.record(AnalyticsEvent(.cartAdd, detail: "TEE-M", amount: 1), visitor: ann, now: noon + 1)
            try withTemporaryPostgresSchema { url in
                let target = try Store.open(.postgresql(url: url, password: nil))
                let copy = try source.copy(to: target)
                #expect(copy.matches)
                for table in ["analytics_events", "analytics_daily", "analytics_salts", "analytics_rolled"] {
                    #expect(try #require(copy.tables.first { $0.name == table }).target.rows > 0, "\(table) is empty")
                }
                #expect(try target.analyticsEvents().map(\.event) == source.analyticsEvents().map(\.event))
                #expect(
                    try target.analyticsSalt(now: noon, candidate: String(repeating: "6", count: 64)) == String(repeating: "5", count: 64))
                let report = try source.analyticsReport(from: 20_774, to: 20_775)
                #expect(report.funnel.counts == [2, 1, 0, 0, 0])
                #expect(try target.analyticsReport(from: 20_774, to: 20_775) == report)
                try target.record(AnalyticsEvent(.checkoutStart), visitor: ann, now: noon + 2)
                #expect(try target.analyticsEvents().count == 4)
                #expect(
                    try target.rollUpAnalytics(now: noon + 3, keepDays: 90).days == [20_775], "the copied mark: yesterday stays rolled up")
            }
        }
    }

    @Test func aTargetHoldingDataIsRefusedUnlessReplaced() throws {
        try withTemporaryDirectory { directory in
            let source = try filledSQLiteStore(in: directory)
            try withTemporaryPostgresSchema { url in
                let target = try Store.open(.postgresql(url: url, password: nil))
                _ = try source.copy(to: target)
                let extra = try target.placeOrder(.sample([("TEE-S", 1)]), now: 300, holdFor: 600)
                #expect {
                    try source.copy(to: target)
                } throws: { error in
                    guard case CopyError.targetHoldsData(let tables) = error else { return false }
                    return tables.contains { $0.table == "orders" }
                }
                #expect(try target.order(extra.id) != nil, "a refused copy leaves the target as it was")
                let copy = try source.copy(to: target, replacingData: true)
                #expect(copy.matches)
                #expect(try target.order(extra.id) == nil)
                #expect(try target.orders().count == source.orders().count)
            }
        }
    }

    @Test func aTableThatArrivesDifferentRollsTheCopyBack() throws {
        try withTemporaryDirectory { directory in
            let source = try filledSQLiteStore(in: directory)
            try withTemporaryPostgresSchema { url in
                let target = try Store.open(.postgresql(url: url, password: nil))
                try target.migrate()
                // Something else on the target changes the rows as they arrive.
                try target.database.execute(
                    """
                    CREATE FUNCTION shelf_test_skew() RETURNS trigger AS $$
                    BEGIN NEW.on_hand := NEW.on_hand + 1; RETURN NEW; END $$ LANGUAGE plpgsql
                    """)
                try target.database.execute(
                    "CREATE TRIGGER skew BEFORE INSERT ON stock FOR EACH ROW EXECUTE FUNCTION shelf_test_skew()")
                #expect {
                    try source.copy(to: target)
                } throws: { error in
                    guard case CopyError.mismatch(let copy) = error else { return false }
                    return copy.tables.filter { !$0.matches }.map(\.name) == ["stock"]
                        && copy.tables.first { $0.name == "stock" }?.differingColumns == ["on_hand"]
                }
                #expect(try target.database.query("SELECT sku FROM stock").isEmpty, "nothing was written")
                #expect(try target.orders().isEmpty)
            }
        }
    }

    @Test func aPostgreSQLStoreIsNotACopySource() throws {
        try withTemporaryPostgresSchema { url in
            let store = try Store.open(.postgresql(url: url, password: nil))
            #expect(throws: CopyError.self) { try store.copy(to: try Store.openInMemory()) }
        }
    }

    /// An SQLite store (whatever engine the other tests use) with a bit of every kind of state:
    /// catalogue and stock, a session with a cart and a checkout, a placed and paid order, an
    /// account with an address, queued mail, and a deleted session past the highest id.
    private func filledSQLiteStore(in directory: TemporaryDirectory) throws -> Store {
        let store = try Store.open(at: directory.file("source.sqlite"))
        try store.migrate()
        try stockTees(store, ["TEE-S": 5, "TEE-M": 7, "TEE-L": 1_000_000_000])
        let session = try store.createSession(tokenHash: sampleTokenHash(1), now: 100, lifetime: 600)
        try store.addToCart("TEE-M", quantity: 2, in: session, now: 100, maxPerLine: 10)
        var draft = CheckoutDraft()
        draft.address = .sample
        try store.saveCheckoutDraft(draft, in: session, now: 100)
        let order = try store.placeOrder(.sample([("TEE-M", 2)], sessionID: session.id), now: 100, holdFor: 600)
        _ = try store.markPaid(
            order.id, payment: PaymentConfirmation(provider: "test", reference: "ts_1", amount: order.amounts.total, eventID: "evt_1"),
            now: 110)
        try store.register(
            email: "ann@example.com", name: "Ann", passwordHash: "phc", confirmation: AccountToken(hash: sampleTokenHash(2), nonce: "n"),
            now: 120)
        let ann = try #require(try store.customer(email: "ann@example.com"))
        try store.saveAddress(.sample, id: nil, makeDefault: true, for: ann.id, now: 130)
        let browsing = try store.createSession(tokenHash: sampleTokenHash(4), now: 135, lifetime: 600)
        try store.addToCart("TEE-S", quantity: 1, in: browsing, now: 135, maxPerLine: 10)
        let gone = try store.createSession(tokenHash: sampleTokenHash(3), now: 140, lifetime: 600)
        try store.database.execute("DELETE FROM sessions WHERE id = ?", [.integer(gone.id)])
        return store
    }
}

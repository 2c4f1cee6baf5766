import Foundation
import ShelfCore
import ShelfTesting
import Testing

@testable import ShelfStore

/// Where the analytics live: on SQLite a file of their own beside the store's, so that a flood
/// of beacons never holds up a checkout; on PostgreSQL the store's database.
struct AnalyticsDatabaseTests {
    static let noon: Int64 = 1_795_608_000
    static let visitor = String(repeating: "ab", count: 16)
    let view = AnalyticsEvent(.pageView, path: "/")

    @Test func anOrderIsPlacedWhileAnotherProcessHoldsTheAnalyticsWriteLock() throws {
        try withTemporaryDirectory { directory in
            let store = try makeStore(in: directory)
            try stockTees(store, ["TEE-M": 5])
            let beacons = try directory.openStore()
            try store.record(view, visitor: Self.visitor, now: Self.noon)
            // A beacon's transaction stays open, holding the events' write lock, while a shopper pays.
            let order = try beacons.analyticsDatabase().transaction {
                try beacons.record(view, visitor: Self.visitor, now: Self.noon + 1)
                return try store.placeSample([("TEE-M", 1)], now: Self.noon + 2)
            }
            #expect(try store.details(order).order.status == .pendingPayment)
            #expect(try store.analyticsEvents().count == 2)
        }
    }

    @Test func onSQLiteTheEventsAreInAFileBesideTheStoreAndNotInIt() throws {
        try withTemporaryDirectory { directory in
            let store = try makeStore(in: directory)
            try store.record(view, visitor: Self.visitor, now: Self.noon)
            if TestDatabase.isPostgreSQL {
                #expect(try store.analyticsDatabase() === store.database)
                return
            }
            #expect(FileManager.default.fileExists(atPath: directory.path + "/shelf-analytics.db"))
            let tables = try store.database.query("SELECT name FROM sqlite_master WHERE name LIKE 'analytics%'")
            #expect(tables.isEmpty)
            let mode = try FileManager.default.attributesOfItem(atPath: directory.path + "/shelf-analytics.db")[.posixPermissions]
            #expect(mode as? Int == 0o600)
        }
    }

    @Test func theFileIsNamedAfterTheStoresFileBesideIt() {
        #expect(DatabaseFiles("data/shelf.sqlite").analytics.path == "data/shelf-analytics.sqlite")
        #expect(DatabaseFiles("/srv/shop/store").analytics.path == "/srv/shop/store-analytics")
        #expect(DatabaseFiles("shelf.db").analytics.path == "shelf-analytics.db")
    }

    @Test(.enabled(if: !TestDatabase.isPostgreSQL, "about SQLite files"))
    func anOlderStoresEventsMoveIntoTheFileOnceWithTheirRollups() throws {
        try withTemporaryDirectory { directory in
            let path = directory.path + "/shelf.db"
            // A store from before the move: every table in one file, with events rolled up.
            let old = try SQLiteDatabase(path: path)
            _ = try old.migrate(Migration.all)
            let before = Store(database: old)
            try before.record(view, visitor: Self.visitor, now: Self.noon)
            _ = try before.analyticsSalt(now: Self.noon, candidate: String(repeating: "5", count: 64))
            try before.rollUpAnalytics(now: Self.noon, keepDays: 90)
            try before.record(view, visitor: Self.visitor, now: Self.noon + 1)

            let store = try Store.open(at: path)
            try store.migrate()
            #expect(try store.database.query("SELECT name FROM sqlite_master WHERE name LIKE 'analytics%'").isEmpty)
            #expect(try store.analyticsEvents().map(\.at) == [Self.noon, Self.noon + 1])
            #expect(
                try store.analyticsSalt(now: Self.noon, candidate: String(repeating: "6", count: 64)) == String(repeating: "5", count: 64))
            // The rollup's mark came along: only the event after it makes the day count again.
            #expect(try store.rollUpAnalytics(now: Self.noon + 2, keepDays: 90).days == [Self.noon / 86_400])
            let day = Self.noon / 86_400
            #expect(try store.analyticsReport(from: day, to: day).days.first?.pageViews == 2)
            // A second process opening it finds nothing left to move.
            #expect(try Store.open(at: path).analyticsEvents().count == 2)
        }
    }

    @Test(.enabled(if: !TestDatabase.isPostgreSQL, "about SQLite files"))
    func anOlderFilesEventsAreRebuiltWithTheCheaperKindCheckAndKeepTheirCounter() throws {
        try withTemporaryDirectory { directory in
            let path = directory.path + "/shelf.db"
            // An analytics file from before the rebuild, whose newest event was deleted: its
            // counter (3) is past the largest id left (2).
            let old = try SQLiteDatabase(path: DatabaseFiles(path).analytics.path)
            _ = try old.migrate([Migration.analytics])
            for at in 0..<3 {
                _ = try old.execute(
                    "INSERT INTO analytics_events (at, day, visitor, kind, path) VALUES (?, ?, ?, 'page_view', '/')",
                    [.integer(Self.noon + Int64(at)), .integer(Self.noon / 86_400), .text(Self.visitor)])
            }
            _ = try old.execute("DELETE FROM analytics_events WHERE id = 3", [])
            old.close()

            let store = try Store.open(at: path)
            try store.migrate()
            let events = try store.analyticsDatabase()
            #expect(try store.analyticsEvents().map(\.at) == [Self.noon, Self.noon + 1])
            let schema = try events.query("SELECT sql FROM sqlite_master WHERE name = 'analytics_events'").first?.text("sql")
            #expect(schema?.contains("kind = 'page_view' OR kind = 'cart_add'") == true)
            #expect(schema?.contains("kind IN") == false)
            let indexes = try events.query(
                "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'analytics_events' ORDER BY name"
            ).map { try $0.text("name") }
            #expect(indexes == ["analytics_events_by_day", "analytics_events_by_order", "analytics_events_by_visitor"])
            // New events go on after the old counter, so the rollup's mark never passes over one.
            try store.record(view, visitor: Self.visitor, now: Self.noon + 5)
            #expect(try events.query("SELECT MAX(id) AS id FROM analytics_events").first?.int64("id") == 4)
            // The check still refuses a kind the store does not have, and still allows every one it has.
            #expect(throws: (any Error).self) {
                try events.execute(
                    "INSERT INTO analytics_events (at, day, visitor, kind) VALUES (1, 0, ?, 'page_viewed')", [.text(Self.visitor)])
            }
            for kind in AnalyticsEvent.Kind.allCases {
                try events.execute(
                    "INSERT INTO analytics_events (at, day, visitor, kind) VALUES (1, 0, ?, ?)",
                    [.text(Self.visitor), .text(kind.rawValue)])
            }
        }
    }
}

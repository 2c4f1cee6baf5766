import ShelfTesting
import Testing

@testable import ShelfStore

/// A batch of events written in one transaction, on SQLite and (with
/// `SHELF_TEST_DATABASE=postgresql`) on PostgreSQL.
struct AnalyticsBatchTests {
    static let lateEvening: Int64 = 1_795_651_000
    static let visitor = String(repeating: "ab", count: 16)

    @Test func aBatchKeepsEachEventsOwnTimeAndDay() throws {
        try withTemporaryStore { (store: Store) throws in
            let add = AnalyticsEvent(.cartAdd, detail: "TEE-S", amount: 2)
            let search = AnalyticsEvent(.search, detail: "linen", amount: 4)
            // The second event falls on the next day (midnight UTC is between them).
            let batch = [
                VisitorEvent(add, visitor: Self.visitor, at: Self.lateEvening),
                VisitorEvent(search, visitor: String(repeating: "cd", count: 16), at: Self.lateEvening + 3600),
            ]
            try store.record(batch)
            let stored = try store.analyticsEvents()
            #expect(stored.map(\.event) == [add, search])
            #expect(stored.map(\.at) == [Self.lateEvening, Self.lateEvening + 3600])
            #expect(stored.map(\.visitor) == batch.map(\.visitor))
            let days = try store.analyticsDatabase().query("SELECT day FROM analytics_events ORDER BY id").map { try $0.int64("day") }
            #expect(days == [Self.lateEvening / 86_400, Self.lateEvening / 86_400 + 1])
        }
    }

    @Test func aBatchWithARowTheSchemaRefusesStoresNoneOfIt() throws {
        try withTemporaryStore { (store: Store) throws in
            let add = AnalyticsEvent(.cartAdd, detail: "TEE-S", amount: 1)
            let refused = VisitorEvent(add, visitor: String(repeating: "x", count: 500), at: Self.lateEvening)
            #expect(throws: (any Error).self) {
                try store.record([VisitorEvent(add, visitor: Self.visitor, at: Self.lateEvening), refused])
            }
            #expect(try store.analyticsEvents().isEmpty)
        }
    }

    @Test func aLongBatchIsStoredWholeAndInOrder() throws {
        try withTemporaryStore { (store: Store) throws in
            // Two statements of several rows and the rest one by one.
            let count = 2 * Store.rowsPerInsert + 5
            let batch = (0..<count).map { n in
                VisitorEvent(
                    AnalyticsEvent(.cartAdd, detail: "TEE-\(n)", amount: Int64(n)),
                    visitor: n.isMultiple(of: 2) ? Self.visitor : String(repeating: "cd", count: 16),
                    at: Self.lateEvening + Int64(n))
            }
            try store.record(batch)
            let stored = try store.analyticsEvents()
            #expect(stored.map(\.event) == batch.map(\.event))
            #expect(stored.map(\.visitor) == batch.map(\.visitor))
            #expect(stored.map(\.at) == batch.map(\.at))
        }
    }

    @Test func aRefusedRowInAStatementOfSeveralStoresNoneOfTheBatch() throws {
        try withTemporaryStore { (store: Store) throws in
            var batch = (0..<Store.rowsPerInsert + 2).map { n in
                VisitorEvent(AnalyticsEvent(.cartAdd, detail: "TEE-S", amount: 1), visitor: Self.visitor, at: Self.lateEvening + Int64(n))
            }
            batch[3] = VisitorEvent(AnalyticsEvent(.cartAdd, detail: "TEE-S", amount: 1), visitor: "short", at: Self.lateEvening)
            #expect(throws: (any Error).self) { try store.record(batch) }
            #expect(try store.analyticsEvents().isEmpty)
        }
    }
}

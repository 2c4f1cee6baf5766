import ShelfTesting
import Testing

@testable import ShelfStore

/// The analytics events and the day's salt, on SQLite and (with
/// `SHELF_TEST_DATABASE=postgresql`) on PostgreSQL.
struct AnalyticsEventTests {
    static let noon: Int64 = 1_795_608_000
    static let visitor = String(repeating: "ab", count: 16)
    let first = String(repeating: "1", count: 64)
    let second = String(repeating: "2", count: 64)

    @Test func aDayKeepsTheSaltItsFirstRequestStored() throws {
        try withTemporaryStore { (store: Store) throws in
            #expect(try store.analyticsSalt(now: Self.noon, candidate: first) == first)
            #expect(try store.analyticsSalt(now: Self.noon + 3600, candidate: second) == first)
        }
    }

    @Test func theNextDayGetsANewSaltAndYesterdaysIsDeleted() throws {
        try withTemporaryStore { (store: Store) throws in
            _ = try store.analyticsSalt(now: Self.noon, candidate: first)
            #expect(try store.analyticsSalt(now: Self.noon + 86_400, candidate: second) == second)
            let salts = try store.analyticsDatabase().query("SELECT salt FROM analytics_salts").map { try $0.text("salt") }
            #expect(salts == [second])
        }
    }

    @Test func anEventIsStoredWithItsDayAndNothingElseAboutTheVisitor() throws {
        try withTemporaryStore { (store: Store) throws in
            let view = AnalyticsEvent(.pageView, path: "/products/tee/", product: "tee", referrer: "news.example", screen: "phone")
            #expect(try store.record(view, visitor: Self.visitor, now: Self.noon))
            let events = try store.analyticsEvents()
            #expect(events.count == 1)
            #expect(events.first?.event == view)
            #expect(events.first?.visitor == Self.visitor)
            let days = try store.analyticsDatabase().query("SELECT day FROM analytics_events").map { try $0.int64("day") }
            #expect(days == [Self.noon / 86_400])
        }
    }

    @Test func longTextsAreCutToWhatTheSchemaAllows() throws {
        try withTemporaryStore { (store: Store) throws in
            let long = AnalyticsEvent(.search, detail: String(repeating: "é", count: 1000))
            try store.record(long, visitor: Self.visitor, now: Self.noon)
            #expect(try store.analyticsEvents().first?.event.detail.unicodeScalars.count == 200)
        }
    }

    @Test func aVisitorOverThePerMinuteLimitIsNotRecorded() throws {
        try withTemporaryStore { (store: Store) throws in
            let view = AnalyticsEvent(.pageView, path: "/")
            for second in 0..<3 { #expect(try store.record(view, visitor: Self.visitor, now: Self.noon + Int64(second), perMinute: 3)) }
            #expect(try !store.record(view, visitor: Self.visitor, now: Self.noon + 3, perMinute: 3))
            // Another visitor is not held back, and the first one is let in again a minute later.
            #expect(try store.record(view, visitor: String(repeating: "cd", count: 16), now: Self.noon + 3, perMinute: 3))
            #expect(try store.record(view, visitor: Self.visitor, now: Self.noon + 61, perMinute: 3))
            #expect(try store.analyticsEvents().count == 5)
        }
    }

    /// The flood, 10,000 beacons in a minute from one client: what is kept stops at
    /// the limit, and each request's check reads a range of the visitor's index, cut at the
    /// limit, never the visitor's or the day's events.
    @Test func aFloodFromOneVisitorKeepsTheLimitAndEachCheckReadsTheVisitorsIndexOnly() throws {
        try withTemporaryStore { (store: Store) throws in
            let view = AnalyticsEvent(.pageView, path: "/")
            var kept = 0
            for request in 0..<10_000
            where try store.record(view, visitor: Self.visitor, now: Self.noon + Int64(request / 200), perMinute: 60) {
                kept += 1
            }
            #expect(kept == 60)
            #expect(try store.analyticsEvents().count == 60)
            #expect(try store.record(view, visitor: String(repeating: "cd", count: 16), now: Self.noon + 49, perMinute: 60))
            guard !TestDatabase.isPostgreSQL else { return }
            let plan = try store.analyticsDatabase().query(
                "EXPLAIN QUERY PLAN " + Store.recentEvents, [.text(Self.visitor), .integer(Self.noon), .int(60)]
            ).map { try $0.text("detail") }
            #expect(plan.contains { $0.contains("INDEX analytics_events_by_visitor (visitor=? AND at>?)") }, "\(plan)")
            #expect(!plan.contains { $0.hasPrefix("SCAN analytics_events") }, "\(plan)")
        }
    }

    @Test func aPaymentIsRecordedForTheVisitorWhoPlacedTheOrderWithTheirCampaign() throws {
        try withTemporaryStore { (store: Store) throws in
            let other = String(repeating: "cd", count: 16)
            try store.record(AnalyticsEvent(.pageView, path: "/"), visitor: Self.visitor, now: Self.noon)
            try store.record(
                AnalyticsEvent(.pageView, path: "/sale/", utmSource: "mail", utmCampaign: "spring"), visitor: Self.visitor,
                now: Self.noon + 1)
            try store.record(AnalyticsEvent(.pageView, path: "/", utmCampaign: "autumn"), visitor: other, now: Self.noon + 2)
            try store.record(
                AnalyticsEvent(.checkoutStep, detail: "payment", amount: 4200, orderID: 7), visitor: Self.visitor, now: Self.noon + 3)
            try store.recordOrderEvent(.paid, orderID: 7, amount: 4200, now: Self.noon + 86_400)
            // An order no checkout placed records nothing.
            try store.recordOrderEvent(.paid, orderID: 8, amount: 100, now: Self.noon + 86_400)
            let paid = try store.analyticsEvents().filter { $0.event.kind == .paid }
            #expect(paid.count == 1)
            #expect(paid.first?.visitor == Self.visitor)
            #expect(paid.first?.event == AnalyticsEvent(.paid, utmSource: "mail", utmCampaign: "spring", amount: 4200, orderID: 7))
        }
    }
}

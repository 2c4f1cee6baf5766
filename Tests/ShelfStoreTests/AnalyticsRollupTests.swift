import ShelfCore
import ShelfTesting
import Testing

@testable import ShelfStore

/// Daily rollups, retention and the report, on SQLite and (with
/// `SHELF_TEST_DATABASE=postgresql`) on PostgreSQL.
struct AnalyticsRollupTests {
    static let day: Int64 = 20_775
    static let noon = day * 86_400 + 43_200
    let ann = String(repeating: "a1", count: 16)
    let bob = String(repeating: "b2", count: 16)

    func view(_ store: Store, _ visitor: String, _ path: String, at: Int64 = noon, campaign: String = "", referrer: String = "") throws {
        try store.record(
            AnalyticsEvent(
                .pageView, path: path, product: path.hasPrefix("/products/") ? "tee" : "", referrer: referrer, utmCampaign: campaign),
            visitor: visitor, now: at)
    }

    /// Ann comes from a campaign, views the tee, adds it, checks out and pays 42.00; Bob looks at
    /// the home page twice and searches for something there is none of.
    func oneDay(_ store: Store) throws {
        try view(store, ann, "/", campaign: "spring", referrer: "news.example")
        try view(store, ann, "/products/tee/")
        try store.record(AnalyticsEvent(.cartAdd, detail: "TEE-M", amount: 2), visitor: ann, now: Self.noon + 1)
        try store.record(AnalyticsEvent(.checkoutStart), visitor: ann, now: Self.noon + 2)
        try store.record(AnalyticsEvent(.checkoutStep, detail: "payment", amount: 4200, orderID: 1), visitor: ann, now: Self.noon + 3)
        try store.recordOrderEvent(.paid, orderID: 1, amount: 4200, now: Self.noon + 4)
        try view(store, bob, "/")
        try view(store, bob, "/")
        try store.record(AnalyticsEvent(.search, detail: "kilt", amount: 0), visitor: bob, now: Self.noon + 5)
    }

    @Test func aDayRollsUpIntoVisitorsViewsFunnelRevenueAndTopLists() throws {
        try withTemporaryStore { (store: Store) throws in
            try oneDay(store)
            let rollup = try store.rollUpAnalytics(now: Self.noon + 60, keepDays: 90)
            #expect(rollup == AnalyticsRollup(days: [Self.day], deleted: 0))
            let report = try store.analyticsReport(from: Self.day, to: Self.day)
            #expect(report.days == [AnalyticsReport.Day(day: Self.day, visitors: 2, pageViews: 4, orders: 1, revenue: 4200, refunds: 0)])
            #expect(report.funnel.counts == [2, 1, 1, 1, 1])
            #expect(report.topPages.map(\.value) == ["/", "/products/tee/"])
            #expect(report.topPages.first?.events == 3 && report.topPages.first?.visitors == 2)
            #expect(report.topProductsViewed.map(\.value) == ["tee"])
            #expect(report.referrers.map(\.value) == ["news.example"])
            #expect(report.utmCampaigns.map(\.value) == ["spring"])
            #expect(report.campaignRevenue == [AnalyticsReport.Count(value: "spring", events: 1, visitors: 1, amount: 4200)])
            #expect(report.emptySearches.map(\.value) == ["kilt"])
        }
    }

    @Test func aSecondRollupCountsOnlyDaysWithNewEventsAndNothingTwice() throws {
        try withTemporaryStore { (store: Store) throws in
            try oneDay(store)
            try store.rollUpAnalytics(now: Self.noon + 60, keepDays: 90)
            #expect(try store.rollUpAnalytics(now: Self.noon + 61, keepDays: 90).days == [])
            try view(store, bob, "/", at: Self.noon + 86_400)
            try view(store, ann, "/", at: Self.noon + 100)
            #expect(try store.rollUpAnalytics(now: Self.noon + 86_500, keepDays: 90).days == [Self.day, Self.day + 1])
            let report = try store.analyticsReport(from: Self.day, to: Self.day + 1)
            #expect(report.days.map(\.pageViews) == [5, 1])
            #expect(report.days.map(\.visitors) == [2, 1])
        }
    }

    @Test func rawEventsPastTheRetentionAreDeletedButTheirCountsStay() throws {
        try withTemporaryStore { (store: Store) throws in
            try oneDay(store)
            let later = Self.noon + 91 * 86_400
            try view(store, bob, "/", at: later)
            let rollup = try store.rollUpAnalytics(now: later, keepDays: 90)
            #expect(rollup.deleted == 9)
            #expect(try store.analyticsEvents().count == 1)
            #expect(try store.analyticsReport(from: Self.day, to: Self.day).days.first?.pageViews == 4)
        }
    }

    @Test func daysWithoutEventsAreInTheReportAsZeros() throws {
        try withTemporaryStore { (store: Store) throws in
            let report = try store.analyticsReport(from: Self.day, to: Self.day + 2)
            #expect(report.days.map(\.day) == [Self.day, Self.day + 1, Self.day + 2])
            #expect(report.days.allSatisfy { $0.visitors == 0 && $0.revenue == 0 })
            #expect(report.funnel.counts == [0, 0, 0, 0, 0])
        }
    }
}

import ShelfCore
import ShelfTesting
import Testing

@testable import ShelfStore

/// The report's sales side: revenue per discount code, refunds beside revenue, and the days no
/// rollup has counted yet, read without writing. On SQLite and (with
/// `SHELF_TEST_DATABASE=postgresql`) on PostgreSQL.
struct AnalyticsReportTests {
    static let day: Int64 = 20_775
    static let noon = day * 86_400 + 43_200
    let ann = String(repeating: "a1", count: 16)
    let euro = Currency.euro

    /// Places and pays an order for one tee with the discount code `code`.
    func orderWithCode(_ code: String, _ store: Store) throws -> Order {
        let stored = try #require(try store.discount(code: code, currency: euro))
        let outcome = DiscountOutcome(
            rules: [stored.rule], lines: [DiscountLine(productHandle: "tee", unitPrice: .euros(2500), quantity: 1)])
        let quote = Quote(
            lines: [Quote.Line(unitPrice: .euros(2500), quantity: 1)], shipping: nil, tax: nil, mode: .inclusive, discounts: outcome)
        var draft = OrderDraft.sample([("TEE-M", 1)])
        draft.amounts = OrderAmounts(quote, discountCode: code)
        draft.discounts = [UsedDiscount(ruleID: stored.id, campaign: stored.rule.campaign, code: code, amount: outcome.total)]
        let order = try store.placeOrder(draft, now: Self.noon, holdFor: halfAnHour)
        _ = try store.pay(order, reference: "ts_\(order.id)", event: "evt_\(order.id)", now: Self.noon + 10)
        return order
    }

    @Test func revenueAndOrdersAreCountedPerDiscountCode() throws {
        try withStockedTees(["TEE-M": 9]) { store in
            let window = CampaignWindow(starts: nil, ends: nil)
            let rules = [("TEN", 1000), ("HALF", 5000)].enumerated().map { index, code in
                var rule = DiscountRule(campaign: "winter", off: .percent(Rate(basisPoints: code.1)), code: code.0)
                rule.position = index + 1
                rule.window = window
                return rule
            }
            try store.syncCampaigns([CampaignRecord(handle: "winter", title: "Winter", window: window, rules: rules)], currency: euro)
            for code in ["TEN", "TEN", "HALF"] { _ = try orderWithCode(code, store) }
            _ = try store.placeSample([("TEE-M", 1)], now: Self.noon)  // no code, not paid
            let report = try store.analyticsReport(from: Self.day, to: Self.day)
            #expect(
                report.discountCodes == [
                    AnalyticsReport.Count(value: "TEN", events: 2, visitors: 0, amount: 4500),
                    AnalyticsReport.Count(value: "HALF", events: 1, visitors: 0, amount: 1250),
                ])
            let table = try #require(report.tables { "\($0)" }.first { $0.id == "discount-codes" })
            #expect(table.rows == [["TEN", "2", "4500"], ["HALF", "1", "1250"]])
        }
    }

    @Test func aRefundIsAnEventAndTheDaysShowRevenueNetOfIt() throws {
        try withStockedTees(["TEE-M": 5]) { store in
            let order = try store.placeSample([("TEE-M", 1)], now: Self.noon)
            try store.record(
                AnalyticsEvent(.checkoutStep, detail: "payment", amount: order.amounts.total.minorUnits, orderID: order.id),
                visitor: ann, now: Self.noon)
            try store.recordOrderEvent(.paid, orderID: order.id, amount: order.amounts.total.minorUnits, now: Self.noon + 10)
            _ = try store.pay(order, now: Self.noon + 10)
            try store.recordRefund(order.id, amount: .euros(1000), reference: "re_1", now: Self.noon + 20)
            let refunds = try store.analyticsEvents().filter { $0.event.kind == .refunded }
            #expect(refunds.map(\.event.amount) == [1000] && refunds.map(\.visitor) == [ann])
            let day = try #require(try store.analyticsReport(from: Self.day, to: Self.day).days.first)
            #expect(day.revenue == order.amounts.total.minorUnits && day.refunds == 1000)
            let row = try #require(try store.analyticsReport(from: Self.day, to: Self.day).tables { "\($0)" }.first?.rows.first)
            #expect(row[5...6] == ["1000", "\(order.amounts.total.minorUnits - 1000)"])
        }
    }

    @Test func theReportCountsEventsNoRollupHasSeenWithoutWritingThem() throws {
        try withTemporaryStore { (store: Store) throws in
            let view = AnalyticsEvent(.pageView, path: "/products/tee/", product: "tee")
            try store.record(view, visitor: ann, now: Self.noon - 86_400)
            try store.rollUpAnalytics(now: Self.noon, keepDays: 90)
            try store.record(view, visitor: ann, now: Self.noon)
            try store.record(AnalyticsEvent(.cartAdd, detail: "TEE-M", amount: 1), visitor: ann, now: Self.noon + 1)
            let report = try store.analyticsReport(from: Self.day - 1, to: Self.day)
            #expect(report.days.map(\.pageViews) == [1, 1])
            #expect(report.funnel.counts == [2, 2, 1, 0, 0])
            #expect(report.topPages == [AnalyticsReport.Count(value: "/products/tee/", events: 2, visitors: 2, amount: 0)])
            let rolled = try store.analyticsDatabase().query(
                "SELECT COUNT(*) AS n FROM analytics_daily WHERE day = ?", [.integer(Self.day)])
            #expect(try rolled[0].int("n") == 0)
        }
    }
}

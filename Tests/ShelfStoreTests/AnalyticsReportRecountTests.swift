import ShelfCore
import ShelfTesting
import Testing

@testable import ShelfStore

/// The report against a plain recount of the raw events in Swift: days rolled up, a rolled-up
/// day with events added after its rollup, and days no rollup has seen, all in one range. On
/// SQLite and (with `SHELF_TEST_DATABASE=postgresql`) on PostgreSQL.
struct AnalyticsReportRecountTests {
    static let firstDay: Int64 = 20_770
    static let visitors = (0..<9).map { String(repeating: "\($0)a", count: 16) }

    /// The `index`th of a few hundred events spread over four days, nine visitors, five pages,
    /// two referrers, two campaigns and searches with and without results; the numbers are
    /// mixed so that the lists have ties and more values than the report's limit.
    static func event(_ index: Int) -> (visitor: String, at: Int64, event: AnalyticsEvent) {
        let visitor = visitors[(index * 7) % visitors.count]
        let at = (firstDay + Int64(index % 4)) * 86_400 + Int64(index)
        let page = "/products/p\(index % 5)/"
        let event: AnalyticsEvent
        switch index % 10 {
        case 0, 1, 2, 3, 4:
            event = AnalyticsEvent(
                .pageView, path: index % 3 == 0 ? "/" : page, product: index % 3 == 0 ? "" : "p\(index % 5)",
                referrer: ["", "news.example", "search.example"][index % 3], utmSource: index % 4 == 0 ? "news" : "",
                utmCampaign: ["", "spring", "", "autumn"][index % 4])
        case 5: event = AnalyticsEvent(.cartAdd, detail: "TEE-M", amount: 1)
        case 6: event = AnalyticsEvent(.checkoutStart)
        case 7: event = AnalyticsEvent(.paid, utmCampaign: ["spring", "autumn", ""][index % 3], amount: Int64(1000 + index))
        case 8: event = AnalyticsEvent(.search, detail: "q\(index % 6)", amount: Int64(index % 2))
        default: event = AnalyticsEvent(.refunded, amount: 500)
        }
        return (visitor, at, event)
    }

    /// The top `limit` values of the events `counted` picks (a value and an amount, or nil),
    /// counted per day (events, distinct visitors) and added up over the days.
    static func recount(
        _ events: [(visitor: String, at: Int64, event: AnalyticsEvent)], limit: Int, byAmount: Bool = false,
        _ counted: (AnalyticsEvent) -> String?
    ) -> [AnalyticsReport.Count] {
        var perDay: [String: [Int64: (events: Int, visitors: Set<String>, amount: Int64)]] = [:]
        for (visitor, at, event) in events {
            guard let value = counted(event) else { continue }
            var day = perDay[value, default: [:]][at / 86_400, default: (0, [], 0)]
            day.events += 1
            day.visitors.insert(visitor)
            day.amount += byAmount ? event.amount : 0
            perDay[value, default: [:]][at / 86_400] = day
        }
        let counts = perDay.map { value, days in
            AnalyticsReport.Count(
                value: value, events: days.values.map(\.events).reduce(0, +),
                visitors: days.values.map(\.visitors.count).reduce(0, +), amount: days.values.map(\.amount).reduce(0, +))
        }
        return Array(
            counts.sorted {
                let left = byAmount ? ($0.amount, Int64($0.events)) : (Int64($0.events), Int64($0.visitors))
                let right = byAmount ? ($1.amount, Int64($1.events)) : (Int64($1.events), Int64($1.visitors))
                return left != right ? left > right : $0.value < $1.value
            }.prefix(limit))
    }

    @Test func theReportGivesTheNumbersOfAPlainRecountOfTheEvents() throws {
        try withTemporaryStore { (store: Store) throws in
            let events = (0..<400).map(Self.event)
            // The first day rolled up whole, the second rolled up and then given more events, the
            // last two never rolled up.
            let early = { (index: Int, event: (visitor: String, at: Int64, event: AnalyticsEvent)) in
                event.at / 86_400 == Self.firstDay || (event.at / 86_400 == Self.firstDay + 1 && index < 250)
            }
            let (before, after) = (events.enumerated().filter(early), events.enumerated().filter { !early($0, $1) })
            for (_, (visitor, at, event)) in before { try store.record(event, visitor: visitor, now: at) }
            try store.rollUpAnalytics(now: (Self.firstDay + 3) * 86_400, keepDays: 90)
            for (_, (visitor, at, event)) in after { try store.record(event, visitor: visitor, now: at) }
            let pending = try store.pendingDays(from: 0, to: .max, in: store.analyticsDatabase())
            #expect(pending == [Self.firstDay + 1, Self.firstDay + 2, Self.firstDay + 3])
            let report = try store.analyticsReport(from: Self.firstDay - 1, to: Self.firstDay + 4, limit: 3)

            let views = { (pick: (AnalyticsEvent) -> String) in
                Self.recount(events, limit: 3) { $0.kind == .pageView && !pick($0).isEmpty ? pick($0) : nil }
            }
            #expect(report.topPages == views(\.path))
            #expect(report.topProductsViewed == views(\.product))
            #expect(report.referrers == views(\.referrer))
            #expect(report.utmSources == views(\.utmSource))
            #expect(report.utmCampaigns == views(\.utmCampaign))
            #expect(
                report.campaignRevenue
                    == Self.recount(events, limit: 3, byAmount: true) {
                        $0.kind == .paid && !$0.utmCampaign.isEmpty ? $0.utmCampaign : nil
                    })
            #expect(report.emptySearches == Self.recount(events, limit: 3) { $0.kind == .search && $0.amount == 0 ? $0.detail : nil })

            let days = (Self.firstDay - 1...Self.firstDay + 4).map { day in
                let ofDay = events.filter { $0.at / 86_400 == day }
                let of = { (kind: AnalyticsEvent.Kind) in ofDay.filter { $0.event.kind == kind } }
                return AnalyticsReport.Day(
                    day: day, visitors: Set(of(.pageView).map(\.visitor)).count, pageViews: of(.pageView).count,
                    orders: of(.paid).count, revenue: of(.paid).map(\.event.amount).reduce(0, +),
                    refunds: of(.refunded).map(\.event.amount).reduce(0, +))
            }
            #expect(report.days == days)

            let funnel = (Self.firstDay...Self.firstDay + 3).map { day in
                let ofDay = events.filter { $0.at / 86_400 == day }
                let reached = Dictionary(grouping: ofDay, by: \.visitor).values.map { mine in
                    let did = { (test: (AnalyticsEvent) -> Bool) in mine.contains { test($0.event) } }
                    return [
                        did { $0.kind == .pageView }, did { $0.kind == .pageView && !$0.product.isEmpty }, did { $0.kind == .cartAdd },
                        did { $0.kind == .checkoutStart }, did { $0.kind == .paid },
                    ]
                }
                return Funnel(reached: reached)
            }.reduce(Funnel(counts: [0, 0, 0, 0, 0]), +)
            #expect(report.funnel == funnel)
            #expect(report.topPages.count == 3 && report.emptySearches.count == 3)
        }
    }
}

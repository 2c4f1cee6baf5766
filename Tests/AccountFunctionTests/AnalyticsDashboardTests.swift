import ShelfCore
import ShelfHTTP
import ShelfStore
import ShelfTesting
import Testing

@testable import AccountFunction

/// The analytics dashboard: admins only, the report's figures with the period before, SVG
/// charts with titles, and each table as CSV.
struct AnalyticsDashboardTests {
    let ann = String(repeating: "a1", count: 16)
    let bob = String(repeating: "b2", count: 16)

    func loggedInAdmin(_ shop: AccountFixture) throws {
        try shop.registerAnn()
        try shop.post("/login", ["email": "ann@example.com", "password": "correct horse"])
        try #require(try shop.store.setRole(.admin, email: "ann@example.com") != nil)
    }

    @Test func anAdminSeesTodaysVisitorsFunnelAndRevenueBesideTheDayBefore() throws {
        try withTemporaryDirectory { (directory: TemporaryDirectory) throws in
            let shop = try AccountFixture(directory)
            try loggedInAdmin(shop)
            let now = shop.now
            try shop.store.record(AnalyticsEvent(.pageView, path: "/", utmCampaign: "spring"), visitor: ann, now: now - 86_400)
            try shop.store.record(AnalyticsEvent(.pageView, path: "/products/tee/", product: "tee"), visitor: ann, now: now)
            try shop.store.record(AnalyticsEvent(.pageView, path: "/"), visitor: bob, now: now)
            let today = CalendarDay.of(now)
            let page = try shop.send("GET", "/admin/analytics", query: "from=\(today)&to=\(today)")
            #expect(page.response.status == 200)
            let text = page.html.visibleText
            #expect(text.contains("Visitors 2 1 +100%"))
            #expect(text.contains("Page views 2 1 +100%"))
            #expect(text.contains("visit 2 - product 1 50.0%"))
            #expect(
                page.html.contains(#"<svg class="chart""#)
                    && page.html.contains("<title id=\"chart-visitors-per-day-title\">Visitors per day</title>"))
            #expect(page.html.contains("/fn/account/admin/analytics.csv?from=\(today)&amp;to=\(today)&amp;table=top-pages"))
            #expect(page.response.header("Cache-Control") == "no-store")

            let csv = try shop.send("GET", "/admin/analytics.csv", query: "from=\(today)&to=\(today)&table=top-pages")
            #expect(csv.response.status == 200)
            #expect(csv.response.header("Content-Type") == "text/csv; charset=utf-8")
            #expect(csv.html == "Page,Views,Visitors\r\n/,1,1\r\n/products/tee/,1,1\r\n")
        }
    }

    @Test func everyoneButAnAdminGetsTheNotFoundOfAnEmptyAddress() throws {
        try withTemporaryDirectory { (directory: TemporaryDirectory) throws in
            let shop = try AccountFixture(directory)
            let nothing = try shop.send("GET", "/nothing-here")
            #expect(try shop.send("GET", "/admin/analytics").html == nothing.html)
            #expect(try shop.send("GET", "/admin/analytics.csv", query: "table=days").response.status == 404)
        }
    }

    @Test func aBadRangeOrTableIsRefused() throws {
        try withTemporaryDirectory { (directory: TemporaryDirectory) throws in
            let shop = try AccountFixture(directory)
            try loggedInAdmin(shop)
            #expect(try shop.send("GET", "/admin/analytics", query: "from=2026-02-30").response.status == 400)
            #expect(try shop.send("GET", "/admin/analytics", query: "from=2026-12-02&to=2026-12-01").response.status == 400)
            #expect(try shop.send("GET", "/admin/analytics.csv", query: "table=secrets").response.status == 404)
        }
    }
}

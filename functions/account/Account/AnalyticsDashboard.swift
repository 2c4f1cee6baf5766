import ShelfConfig
import ShelfCore
import ShelfHTTP
import ShelfStore

/// `GET /fn/account/admin/analytics`: the analytics report for admins, as a page with charts,
/// the previous period beside the chosen one, and every table as CSV
/// (`/fn/account/admin/analytics.csv?table=ID`). Both only read: the rollups are written by
/// `shelf analytics rollup` on a timer, and the days it has not counted yet come from the raw events.
///
/// It lives in the account function, next to ``AdminHome``: that function already has the
/// session, the login and the admin check, while the beacon stays small, public and free of
/// cookies and templates.
enum AnalyticsDashboard {
    static let path = "/fn/account/admin/analytics"

    static func show(_ request: Request, _ context: FunctionContext) throws -> Response {
        let admin = try requireAdmin(request, context)
        let (from, to) = try range(request, context)
        let store = try context.store()
        let report = try store.analyticsReport(from: from, to: to, lowStock: context.config.catalogue.lowStock)
        let before = try store.analyticsReport(from: from - (to - from + 1), to: from - 1, lowStock: context.config.catalogue.lowStock)
        let money = { (minor: Int64) in context.prices.string(Money(minorUnits: minor, currency: context.config.currency)) }
        let query = "from=\(CalendarDay.of(from * 86_400))&to=\(CalendarDay.of(to * 86_400))"
        let tables = report.tables(money: money).map { table -> [String: Any] in
            [
                "id": table.id, "title": table.title, "columns": table.columns, "empty": table.rows.isEmpty,
                "rows": table.rows.map { ["cells": $0] as [String: Any] }, "csv": "\(path).csv?\(query)&table=\(table.id)",
            ]
        }
        let date = { (day: Int64) in CalendarDay.of(day * 86_400) }
        let charts = [
            AnalyticsChart(title: "Visitors per day", values: report.days.map { (date($0.day), Int64($0.visitors)) }),
            AnalyticsChart(title: "Revenue per day", values: report.days.map { (date($0.day), $0.revenue) }),
        ]
        let values: [String: Any] = [
            "name": admin.customer.name, "from": date(from), "to": date(to),
            "summary": summary(report, before, money), "charts": charts.map { ["svg": $0.svg, "title": $0.title] as [String: Any] },
            "tables": tables,
        ]
        return try AccountPage(template: "account-analytics", title: "Analytics", path: path, values: ["analytics": values])
            .response(admin.shopper, context)
    }

    static func csv(_ request: Request, _ context: FunctionContext) throws -> Response {
        _ = try requireAdmin(request, context)
        let (from, to) = try range(request, context)
        let id = try request.queryFields().optional("table") ?? ""
        let store = try context.store()
        let report = try store.analyticsReport(from: from, to: to, lowStock: context.config.catalogue.lowStock)
        let currency = context.config.currency
        guard let table = report.tables(money: { Money(minorUnits: $0, currency: currency).decimalString }).first(where: { $0.id == id })
        else {
            throw HTTPError(404, "There is no such table.", log: "analytics CSV of unknown table")
        }
        return Response(
            status: 200,
            headers: [
                ("Content-Type", "text/csv; charset=utf-8"),
                ("Content-Disposition", "attachment; filename=\"\(table.id)-\(CalendarDay.of(from * 86_400)).csv\""),
                ("Cache-Control", "no-store"),
            ], body: Array(table.csv.utf8))
    }

    /// The chosen days (`from`, `to` as YYYY-MM-DD), by default the 30 days up to today.
    private static func range(_ request: Request, _ context: FunctionContext) throws -> (Int64, Int64) {
        let fields = try request.queryFields()
        let today = context.clock.now() / 86_400
        let bad = HTTPError(400, "Choose the days as YYYY-MM-DD, the first no later than the last.", log: "analytics range refused")
        var to = today
        if let text = try fields.optional("to"), !text.isEmpty {
            guard let day = CalendarDay.number(of: text) else { throw bad }
            to = day
        }
        var from = to - 29
        if let text = try fields.optional("from"), !text.isEmpty {
            guard let day = CalendarDay.number(of: text) else { throw bad }
            from = day
        }
        guard from <= to, to - from <= 3660 else { throw bad }
        return (from, to)
    }

    /// Visitors, page views, orders and revenue of the range beside the period before it.
    private static func summary(_ now: AnalyticsReport, _ before: AnalyticsReport, _ money: (Int64) -> String) -> [[String: Any]] {
        let figures: [(String, (AnalyticsReport) -> Int64, Bool)] = [
            ("Visitors", { Int64($0.days.reduce(0) { $0 + $1.visitors }) }, false),
            ("Page views", { Int64($0.days.reduce(0) { $0 + $1.pageViews }) }, false),
            ("Orders", { Int64($0.days.reduce(0) { $0 + $1.orders }) }, false),
            ("Revenue", { $0.days.reduce(0) { $0 + $1.revenue } }, true),
            ("Refunds", { $0.days.reduce(0) { $0 + $1.refunds } }, true),
            ("Net revenue", { $0.days.reduce(0) { $0 + $1.revenue - $1.refunds } }, true),
        ]
        return figures.map { label, value, isMoney in
            let current = value(now)
            let previous = value(before)
            let change = previous == 0 ? "-" : "\(current >= previous ? "+" : "")\((current - previous) * 100 / previous)%"
            return [
                "label": label, "current": isMoney ? money(current) : "\(current)", "previous": isMoney ? money(previous) : "\(previous)",
                "change": change,
            ]
        }
    }
}

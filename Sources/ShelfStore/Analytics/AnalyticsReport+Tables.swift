import ShelfCore

extension AnalyticsReport {
    /// One table of the report, as texts: what the command line prints (text, CSV, JSON) and
    /// the dashboard shows and offers as CSV.
    public struct Table: Sendable, Hashable {
        /// A name for files and JSON keys (`top-pages`).
        public var id: String
        public var title: String
        public var columns: [String]
        public var rows: [[String]]
    }

    /// Every table of the report, money written by `money` (minor units in; `42.00` or `€42.00` out).
    public func tables(money: (Int64) -> String) -> [Table] {
        let date = { (day: Int64) in CalendarDay.of(day * 86_400) }
        let perMille = { (value: Int?) in value.map { "\($0 / 10).\($0 % 10)%" } ?? "-" }
        let counts = { (id: String, title: String, name: String, list: [Count]) in
            Table(
                id: id, title: title, columns: [name, "Views", "Visitors"], rows: list.map { [$0.value, "\($0.events)", "\($0.visitors)"] })
        }
        return [
            Table(
                id: "days", title: "Visitors, page views and sales per day",
                columns: ["Day", "Visitors", "Page views", "Orders", "Revenue", "Refunds", "Net revenue", "Average order"],
                rows: days.map { day in
                    [
                        date(day.day), "\(day.visitors)", "\(day.pageViews)", "\(day.orders)", money(day.revenue), money(day.refunds),
                        money(day.revenue - day.refunds), day.orders == 0 ? "-" : money(day.revenue / Int64(day.orders)),
                    ]
                }),
            Table(
                id: "funnel", title: "Funnel", columns: ["Step", "Visitors", "From the step before"],
                rows: Funnel.steps.indices.map { [Funnel.steps[$0], "\(funnel.counts[$0])", perMille(funnel.conversions[$0])] }),
            counts("top-pages", "Top pages", "Page", topPages),
            counts("products-viewed", "Top products viewed", "Product", topProductsViewed),
            Table(
                id: "best-sellers", title: "Best sellers", columns: ["SKU", "Units", "Orders"],
                rows: bestSellers.map { [$0.value, "\($0.amount)", "\($0.events)"] }),
            counts("referrers", "Referrers", "Site", referrers),
            counts("utm-sources", "UTM sources", "Source", utmSources),
            counts("utm-campaigns", "UTM campaigns", "Campaign", utmCampaigns),
            Table(
                id: "campaign-revenue", title: "Revenue per campaign", columns: ["Campaign", "Orders", "Revenue"],
                rows: campaignRevenue.map { [$0.value, "\($0.events)", money($0.amount)] }),
            Table(
                id: "discount-codes", title: "Revenue per discount code", columns: ["Code", "Orders", "Revenue"],
                rows: discountCodes.map { [$0.value, "\($0.events)", money($0.amount)] }),
            Table(
                id: "empty-searches", title: "Searches with no results", columns: ["Query", "Searches"],
                rows: emptySearches.map { [$0.value, "\($0.events)"] }),
            Table(
                id: "low-stock", title: "Low stock", columns: ["SKU", "Left to sell"], rows: lowStock.map { [$0.value, "\($0.amount)"] }),
        ]
    }
}

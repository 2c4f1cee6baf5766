public import ShelfCore

/// What the analytics counted over a range of days, from the daily rollups and the orders:
/// what `shelf analytics report` prints and the dashboard shows.
public struct AnalyticsReport: Sendable, Hashable {
    /// The first and last day (days since 1970-01-01, UTC), both included.
    public var from: Int64
    public var to: Int64
    /// One entry per day of the range, days without events included.
    public var days: [Day]
    public var funnel: Funnel
    public var topPages: [Count]
    public var topProductsViewed: [Count]
    public var referrers: [Count]
    public var utmSources: [Count]
    public var utmCampaigns: [Count]
    /// Paid orders per campaign: `events` orders, `amount` revenue in minor units.
    public var campaignRevenue: [Count]
    /// Paid orders placed in the range per discount code: `events` orders, `amount` what they paid.
    public var discountCodes: [Count]
    /// Searches that found nothing, by query.
    public var emptySearches: [Count]
    /// Units sold per SKU in orders placed in the range and paid (`amount`).
    public var bestSellers: [Count]
    /// SKUs on sale with this few units or fewer left to sell (`amount`), fewest first.
    public var lowStock: [Count]

    /// One day's totals.
    public struct Day: Sendable, Hashable {
        public var day: Int64
        public var visitors: Int
        public var pageViews: Int
        public var orders: Int
        /// Paid, in minor units.
        public var revenue: Int64
        /// Refunded that day, in minor units, of orders paid any day.
        public var refunds: Int64
    }

    /// How often one value (a page, a referrer, a query…) came up.
    public struct Count: Sendable, Hashable {
        public var value: String
        public var events: Int
        /// Daily visitors, added up over the days.
        public var visitors: Int
        public var amount: Int64
    }
}

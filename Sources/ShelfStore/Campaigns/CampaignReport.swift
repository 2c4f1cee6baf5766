public import ShelfCore

/// How a campaign did: its window, the orders that used one of its discounts (cancelled and
/// expired ones left out), what they were paid in all, and what the discounts took off.
public struct CampaignReport: Hashable, Sendable {
    public var handle: String
    public var title: String
    public var window: CampaignWindow
    /// False once its file is gone from `content/campaigns/`.
    public var isActive: Bool
    public var orders: Int
    /// The totals of those orders that were paid.
    public var revenue: Money
    public var discountGiven: Money
}

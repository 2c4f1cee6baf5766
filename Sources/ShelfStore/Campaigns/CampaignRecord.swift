public import ShelfCore

/// A campaign as `shelf build` syncs it: its handle, title, window and discount rules (scopes
/// already resolved to product handles).
public struct CampaignRecord: Hashable, Sendable {
    public var handle: String
    public var title: String
    public var window: CampaignWindow
    public var rules: [DiscountRule]

    public init(handle: String, title: String, window: CampaignWindow, rules: [DiscountRule]) {
        self.handle = handle
        self.title = title
        self.window = window
        self.rules = rules
    }
}

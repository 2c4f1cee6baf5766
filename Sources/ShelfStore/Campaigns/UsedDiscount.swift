public import ShelfCore

/// A discount an order used: the stored rule (nil for a `shelf.toml` code), its campaign and
/// code, and what it took off.
public struct UsedDiscount: Hashable, Sendable {
    public var ruleID: Int64?
    public var campaign: String?
    public var code: String?
    public var amount: Money

    public init(ruleID: Int64?, campaign: String?, code: String?, amount: Money) {
        self.ruleID = ruleID
        self.campaign = campaign
        self.code = code
        self.amount = amount
    }
}

public import ShelfCore

/// A discount rule as the database keeps it, with its row id.
public struct StoredDiscount: Hashable, Sendable {
    public var id: Int64
    public var rule: DiscountRule
    /// The title of the rule's campaign, as shoppers see it.
    public var title: String

    public init(id: Int64, rule: DiscountRule, title: String) {
        self.id = id
        self.rule = rule
        self.title = title
    }
}

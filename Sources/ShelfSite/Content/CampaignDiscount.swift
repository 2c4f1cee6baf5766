public import ShelfCore

/// A discount rule as a campaign file writes it: the rule, and the categories, brands and
/// products it names, which the loader checks and turns into the rule's product handles.
public struct CampaignDiscount: Hashable, Sendable {
    public var rule: DiscountRule
    public var categories: [String]
    public var brands: [String]
    public var products: [String]
    /// The line of the rule in its file, for complaints about the names.
    public var line: Int

    /// True when it names no category, brand or product: it covers everything.
    var coversEverything: Bool { categories.isEmpty && brands.isEmpty && products.isEmpty }

    /// The rule with its scope set to the products (published or not) the names cover.
    func resolved(in products: [Product]) -> DiscountRule {
        guard !coversEverything else { return rule }
        var resolved = rule
        let handles = products.filter { product in
            self.products.contains(product.handle) || product.brand.map(brands.contains) == true
                || product.categories.contains(where: categories.contains)
        }.map(\.handle)
        resolved.scope = .products(Set(handles))
        return resolved
    }
}

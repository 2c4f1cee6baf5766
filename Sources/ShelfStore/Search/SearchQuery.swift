/// What a shopper asks the search for: words, facet choices, a sort order and a page.
///
/// Values within one facet widen the choice (navy or grey); facets narrow each other (navy
/// and M). Option choices, prices, "in stock" and "on sale" apply to one variant together: `colour=navy`,
/// `size=M` and `max=100` find products with a navy M variant at 100 or less.
///
/// ```swift
/// var query = SearchQuery(text: "wool")
/// query.options["colour"] = ["Navy"]
/// query.highestPrice = 10_000
/// let results = try store.search(query)
/// ```
public struct SearchQuery: Hashable, Sendable {
    /// Results per page.
    public static let pageSize = 24
    /// Words past this many are ignored: a pasted paragraph cannot make a query expensive.
    public static let maxWords = 10

    /// What the shopper typed, as typed; the empty text lists every product.
    public var text: String
    /// Category handles.
    public var categories: Set<String> = []
    public var brands: Set<String> = []
    /// Option values by the option's slug (`colour`, `size`).
    public var options: [String: Set<String>] = [:]
    /// The price range of a variant, in minor units, both ends included.
    public var lowestPrice: Int64?
    public var highestPrice: Int64?
    /// Only products with a variant that can be bought now.
    public var inStockOnly = false
    /// Only products with a variant on sale: a former price above its price.
    public var onSaleOnly = false
    /// Only products whose approved reviews average at least this many stars (4: "4 stars &
    /// up"), the average as shown, to a tenth; nil for any rating, unreviewed products included.
    public var minimumRating: Int?
    public var sort: SearchSort = .relevance
    /// The page, from 1.
    public var page = 1

    public init(text: String = "") {
        self.text = text
    }
}

/// The orders search results can be listed in.
public enum SearchSort: String, CaseIterable, Sendable {
    /// Best match first (newest first with no words); the default.
    case relevance
    case newest
    case priceLowHigh = "price-low-high"
    case priceHighLow = "price-high-low"

    /// How the sort is offered to the shopper.
    public var label: String {
        switch self {
        case .relevance: "Relevance"
        case .newest: "Newest"
        case .priceLowHigh: "Price: low to high"
        case .priceHighLow: "Price: high to low"
        }
    }
}

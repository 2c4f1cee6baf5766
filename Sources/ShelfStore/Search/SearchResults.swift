public import ShelfCore

/// One page of search results, the facets of the whole result with their counts, and what
/// the search did about spelling.
public struct SearchResults: Sendable {
    /// Products matching the query, all pages together.
    public var total: Int
    /// This page's products, in order.
    public var products: [SearchHit]
    public var facets: SearchFacets
    /// Words of the query that were not in the catalogue and were also matched as these
    /// spellings, one typo away (`jumpre` → `jumper`).
    public var corrections: [String: [String]]
    /// The query with each unknown word replaced by the nearest catalogue word, when nothing
    /// matched and such a word exists.
    public var suggestion: String?
    /// Products to offer instead when nothing matched (``Store/popularProducts(limit:)``);
    /// left empty by ``Store/search(_:)`` itself.
    public var popular: [SearchHit] = []

    /// How many pages the results fill (at least one).
    public var pages: Int { max(1, (total + SearchQuery.pageSize - 1) / SearchQuery.pageSize) }
}

/// A product as a search result shows it: what its card needs, with prices and availability
/// read live from the catalogue and the stock.
public struct SearchHit: Sendable {
    public var handle: String
    public var title: String
    public var brand: String?
    public var image: (src: String, alt: String)?
    /// Colour names with their CSS colours.
    public var swatches: [(name: String, colour: String)]
    /// The lowest price of its variants.
    public var price: Money
    /// True when its variants have different prices ("From €29.00").
    public var pricesVary: Bool
    /// The former price of the lowest-priced variant, when it is on sale.
    public var compareAt: Money?
    /// No variant can be bought right now.
    public var soldOut: Bool
    /// Its approved reviews at the moment of the search; nil without any.
    public var reviews: ReviewSummary?
}

/// The choices that narrow the current results, each with how many products it would leave.
public struct SearchFacets: Sendable {
    /// Category handles, in the store's category order.
    public var categories: [FacetCount] = []
    public var brands: [FacetCount] = []
    /// One facet per product option (Colour, Size), by name.
    public var options: [OptionFacet] = []
    /// Products of the results with a variant in stock.
    public var inStock = 0
    /// Products of the results with a variant on sale.
    public var onSale = 0
    /// Price ranges at round amounts that split the catalogue into about quarters, each with
    /// how many products of the results have a variant in it (the price choice left out).
    public var priceRanges: [PriceRangeCount] = []
    /// "4 stars & up" and "3 stars & up", each with how many products of the results have
    /// approved reviews averaging that much (the rating choice left out).
    public var ratings: [RatingCount] = []
}

/// A rating choice, at least `stars` stars on average, and how many products of the results it leaves.
public struct RatingCount: Hashable, Sendable {
    /// The choices the rating facet offers, highest first.
    public static let offered = [4, 3]

    public var stars: Int
    public var count: Int
}

/// A price range and how many products of the results have a variant priced in it.
public struct PriceRangeCount: Hashable, Sendable {
    /// The lowest price in minor units, nil from zero.
    public var lowest: Int64?
    /// The highest price in minor units, included; nil for no limit.
    public var highest: Int64?
    public var count: Int
}

/// An option facet: the option's name, its slug (the URL parameter) and its values.
public struct OptionFacet: Sendable {
    public var name: String
    public var slug: String
    public var values: [FacetCount]
}

/// A facet value and how many products of the results have it.
public struct FacetCount: Hashable, Sendable {
    public var value: String
    public var count: Int
}

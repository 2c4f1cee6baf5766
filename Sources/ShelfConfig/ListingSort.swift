/// The orders a listing can be sorted in, by the names `sort_pages` in `shelf.toml` uses.
///
/// Every listing's own pages are newest first; each other order a store offers is a second set
/// of pages under the listing (`/shop/price-low-high/`).
public enum ListingSort: String, CaseIterable, Sendable {
    case newest
    case priceLowHigh = "price-low-high"
    case priceHighLow = "price-high-low"
}

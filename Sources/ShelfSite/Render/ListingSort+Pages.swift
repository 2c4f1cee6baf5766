import ShelfConfig
import ShelfCore

extension ListingSort {
    /// The text of the order's link in a listing's "Sort by" list.
    var label: String {
        switch self {
        case .newest: "Newest"
        case .priceLowHigh: "Price: low to high"
        case .priceHighLow: "Price: high to low"
        }
    }

    /// The path segment after a listing's base (`price-low-high/`); empty for the default.
    var segment: String {
        switch self {
        case .newest: ""
        case .priceLowHigh: "price-low-high/"
        case .priceHighLow: "price-high-low/"
        }
    }

    /// The products in this order; ties break on title, then handle, so the order is total.
    func sorted(_ products: [Product]) -> [Product] {
        // Decorate once: comparing precomputed keys beats recomputing each product's lowest price.
        let keyed = products.map { (price: $0.lowestPrice?.minorUnits ?? 0, product: $0) }
        let sorted: [(price: Int64, product: Product)]
        switch self {
        case .newest:
            sorted = keyed.sorted {
                ($0.product.date, $1.product.title, $1.product.handle) > ($1.product.date, $0.product.title, $0.product.handle)
            }
        case .priceLowHigh:
            sorted = keyed.sorted { ($0.price, $0.product.title, $0.product.handle) < ($1.price, $1.product.title, $1.product.handle) }
        case .priceHighLow:
            sorted = keyed.sorted { ($0.price, $1.product.title, $1.product.handle) > ($1.price, $0.product.title, $0.product.handle) }
        }
        return sorted.map(\.product)
    }
}

import ShelfCore
import ShelfStore

/// A product as listings, related products and the home page show it.
enum Card {
    /// The partial every card is rendered with.
    static let template = "partials/card"

    static func values(for product: Product, soldOut: Bool, reviews: ReviewSummary?, prices: PriceFormatter) -> Values {
        var card: Values = [
            "title": product.title,
            "handle": product.handle,
            "url": "/products/\(product.handle)/",
        ]
        card.setText("brand", product.brand)
        let lowest = product.variants.min { $0.price < $1.price }!
        card["price"] = prices.string(lowest.price)
        if product.variants.contains(where: { $0.price != lowest.price }) { card["from"] = true }
        if let compareAt = lowest.compareAtPrice, lowest.isOnSale {
            card["compare_at"] = prices.string(compareAt)
            card["on_sale"] = true
        }
        if soldOut { card["sold_out"] = true }
        if let reviews, reviews.count > 0 {
            let summary = ReviewTemplateValues.summary(reviews)
            card["rating"] = ["stars": summary["stars"]!, "label": summary["stars_label"]!, "count": reviews.count] as Values
        }
        if let image = product.images.first {
            card["image"] = ["src": image.src, "alt": image.alt] as Values
        }
        if let colours = product.options.first(where: \.hasSwatches) {
            card["swatches"] = colours.values.compactMap { value in
                value.swatch.map { ["name": value.value, "colour": $0] as Values }
            }
        }
        return card
    }

    /// Changes exactly when what `values` shows changes.
    static func fingerprint(of product: Product, soldOut: Bool, reviews: ReviewSummary?, template: UInt64) -> UInt64 {
        var hasher = StableHasher()
        hasher.combine(template)
        hasher.combine(product.handle)
        hasher.combine(product.title)
        hasher.combine(product.brand)
        for variant in product.variants {
            hasher.combine(variant.price.minorUnits.description)
            hasher.combine(variant.compareAtPrice?.minorUnits.description)
        }
        hasher.combine(product.images.first?.src)
        hasher.combine(product.images.first?.alt)
        for option in product.options where option.hasSwatches {
            for value in option.values { hasher.combine(value.value + "\t" + (value.swatch ?? "")) }
        }
        hasher.combine(soldOut)
        hasher.combine(reviews?.count ?? 0)
        hasher.combine(reviews?.averageTenths ?? 0)
        return hasher.value
    }
}

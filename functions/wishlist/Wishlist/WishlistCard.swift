import ShelfCore
import ShelfStore

/// One saved item as the list page shows it: the product now, its price now, and what changed
/// since it was saved ("Price dropped from €25.00", "Back in stock").
struct WishlistCard {
    let item: WishlistItem
    /// The product's variants on sale now (only the saved one, when a variant was saved).
    let onSale: [SellableVariant]
    let title: String
    let image: SellableVariant.Image?

    init(_ item: WishlistItem, variants: [SellableVariant]) {
        self.item = item
        let published = variants.filter { $0.isPublished && (item.sku == nil || $0.sku == item.sku) }
        onSale = published
        title = variants.first?.productTitle ?? item.productHandle
        image = (published.first ?? variants.first)?.image
    }

    /// The price now: the saved variant's, or the product's lowest on sale.
    var price: Money? { onSale.map(\.price).min { $0.minorUnits < $1.minorUnits } }

    var inStock: Bool { onSale.contains { $0.available > 0 } }

    /// The former price when the price now is lower than when saved, in the same currency.
    var droppedFrom: Money? {
        guard let price, price.currency == item.priceWhenAdded.currency, price.minorUnits < item.priceWhenAdded.minorUnits else {
            return nil
        }
        return item.priceWhenAdded
    }

    var isBackInStock: Bool { !item.inStockWhenAdded && inStock }

    /// The template values of one item; `token` is the session's form token.
    func values(prices: PriceFormatter, token: String) -> [String: Any] {
        var values: [String: Any] = [
            "handle": item.productHandle, "title": title, "url": "/products/\(item.productHandle)/", "token": token,
            "remove_action": "/fn/wishlist/remove", "move_action": "/fn/wishlist/move",
        ]
        if let sku = item.sku { values["saved_sku"] = sku }
        if let image { values["image"] = ["src": image.src, "alt": image.alt] }
        guard let price else {
            values["gone"] = true
            return values
        }
        values["price"] = prices.string(price)
        if let droppedFrom { values["dropped_from"] = prices.string(droppedFrom) }
        if isBackInStock { values["back_in_stock"] = true }
        if !inStock { values["sold_out"] = true }
        if onSale.count == 1 {
            values["single_sku"] = onSale[0].sku
        } else {
            values["choose"] = onSale[0].options.map(\.name).joined(separator: " / ")
            values["variants"] = onSale.map { variant -> [String: Any] in
                let label = variant.options.map(\.value).joined(separator: " / ")
                return ["sku": variant.sku, "label": label.isEmpty ? variant.sku : label, "sold_out": variant.available <= 0]
            }
        }
        return values
    }
}

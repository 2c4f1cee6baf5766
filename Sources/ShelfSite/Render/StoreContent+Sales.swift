import ShelfCore

extension StoreContent {
    /// The content as pages show it at `now`: each variant of a product that a running automatic
    /// percent discount covers (no code, minimum or limit) priced at its sale price, its
    /// catalogue price becoming the struck-through compare-at price. The cart takes the same
    /// amount off each unit, so a page never shows a price the cart will not honour. Only for
    /// rendering: the database keeps the catalogue prices.
    var withSalePrices: StoreContent {
        let rates = saleRates
        guard !rates.isEmpty else { return self }
        var shown = self
        shown.products = products.map { product in
            let best = rates.filter { $0.rule.scope.covers(product.handle) }.map(\.rate).max { $0.basisPoints < $1.basisPoints }
            guard let best else { return product }
            var product = product
            product.variants = product.variants.map { variant in
                var variant = variant
                let sale = variant.price - best.of(variant.price)
                variant.compareAtPrice = max(variant.compareAtPrice ?? variant.price, variant.price)
                variant.price = sale
                return variant
            }
            return product
        }
        return shown
    }

    /// The handles of the running campaigns whose sale prices the pages show.
    var campaignsShowingSalePrices: Set<String> { Set(saleRates.map(\.rule.campaign)) }

    private var saleRates: [(rule: DiscountRule, rate: Rate)] {
        var rates: [(rule: DiscountRule, rate: Rate)] = []
        for campaign in runningCampaigns {
            for discount in campaign.discounts where discount.rule.isSalePrice {
                if case .percent(let rate) = discount.rule.off { rates.append((discount.rule, rate)) }
            }
        }
        return rates
    }
}

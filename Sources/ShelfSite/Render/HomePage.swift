import ShelfConfig
import ShelfCore

/// The home page: hero, campaign banner, latest arrivals, featured categories, latest stories.
struct HomePage {
    let model: SiteModel

    var latest: [Product] {
        let count = model.config.catalogue.newArrivals
        let featured = model.newest.filter(\.featured)
        let others = model.newest.filter { !$0.featured }
        return ListingSort.newest.sorted(Array((featured + others).prefix(count)))
    }

    /// The campaign shown on the home page: the latest-starting running one with a banner.
    var campaign: Document? {
        model.content.announcedCampaign
    }

    func fingerprint(template: UInt64) -> UInt64 {
        var hasher = StableHasher()
        hasher.combine(template)
        hasher.combine(model.chromeFingerprint)
        for product in latest { hasher.combine(model.cardFingerprint(product.handle)) }
        for handle in model.config.catalogue.featuredCategories {
            hasher.combine(model.productsByCategory[handle]?.count ?? 0)
            hasher.combine(model.productsByCategory[handle]?.first.flatMap { model.newest[$0].images.first?.src })
        }
        hasher.combine(campaign.map { String(describing: $0) })
        for story in model.content.stories.prefix(2) { hasher.combine(String(describing: story)) }
        return hasher.value
    }

    func values() -> Values {
        let chrome = Chrome(model: model)
        let config = model.config
        var hero: Values = ["title": config.hero.title, "cta_url": "/shop/"]
        hero.setText("text", config.hero.text)
        hero.setText("image", config.hero.image)
        hero.setText("image_alt", config.hero.imageAlt)
        var values: Values = ["hero": hero, "latest": latest.map { model.card($0.handle) }]
        values["featured_categories"] = config.catalogue.featuredCategories.compactMap { handle -> Values? in
            guard let category = config.categories.first(where: { $0.handle == handle }),
                let products = model.productsByCategory[handle]
            else { return nil }
            var tile: Values = ["title": category.title, "url": "/shop/\(handle)/", "count": products.count]
            tile.setText("description", category.description)
            if let image = products.first.flatMap({ model.newest[$0].images.first }) {
                tile["image"] = ["src": image.src, "alt": image.alt] as Values
            }
            return tile
        }
        if let campaign {
            var banner: Values = ["title": campaign.title, "url": campaign.path]
            banner.setText("banner", campaign.banner)
            banner.setText("image", campaign.image)
            banner.setText("image_alt", campaign.imageAlt)
            values["campaign"] = banner
        }
        values["stories"] = model.content.stories.prefix(2).map { DocumentPages.summary(of: $0, model: model) }
        let description = config.tagline.isEmpty ? config.name : config.tagline
        let head = Chrome.Head(
            title: config.tagline.isEmpty ? config.name : "\(config.name) · \(config.tagline)", description: description,
            path: "/", og: chrome.openGraph(title: config.name, description: description, path: "/", image: config.hero.image))
        return chrome.values(head).merging(values) { $1 }
    }
}

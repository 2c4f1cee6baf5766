import ShelfCore

/// The values around every page's own content: site, assets, menus, footer and the head.
struct Chrome {
    let model: SiteModel

    /// Per-page head values: `page.title`, `page.canonical`, Open Graph and JSON-LD.
    struct Head {
        var title: String
        var description: String
        var path: String
        var og: [(String, String)] = []
        var jsonLD: String?
        var noindex = false
        var prevURL: String?
        var nextURL: String?
    }

    func values(_ head: Head, currentCategory: String? = nil) -> Values {
        let config = model.config
        var site: Values = [
            "name": config.name, "base_url": config.baseURL, "language": config.language,
            "currency": config.currency.code, "year": year,
        ]
        site.setText("tagline", config.tagline)
        site.setText("announcement", config.announcement)

        var assets: Values = [:]
        for (name, url) in model.assetURLs {
            let key = name.split(separator: ".").first.map(String.init) == "app" ? String(name.split(separator: ".").last!) : name
            assets[key] = url
        }

        let categories: [Values] = config.categories.filter { model.productsByCategory[$0.handle] != nil }.map {
            ["title": $0.title, "url": "/shop/\($0.handle)/", "current": $0.handle == currentCategory]
        }
        var nav: Values = [
            "categories": categories, "shop_url": "/shop/", "cart_url": "/fn/cart", "search_url": "/fn/search", "home_url": "/",
        ]
        if !model.content.stories.isEmpty { nav["stories_url"] = "/stories/" }
        if model.content.pages.contains(where: { $0.handle == "about" }) { nav["about_url"] = "/about/" }
        let footer: Values = [
            "shop": [["title": "Shop all", "url": "/shop/"] as Values] + categories.map { ["title": $0["title"]!, "url": $0["url"]!] },
            "help": links(["faq", "shipping", "returns", "size-guide", "contact"]),
            "about": links(["about"]) + (model.content.stories.isEmpty ? [] : [["title": "Stories", "url": "/stories/"]]) + links(["privacy", "terms"]),
        ]

        var page: Values = [
            "title": head.title, "description": head.description, "path": head.path,
            "canonical": model.absolute(head.path),
        ]
        page["og"] = head.og.map { ["property": $0.0, "content": $0.1] as Values }
        page.setText("json_ld", head.jsonLD)
        if head.noindex { page["noindex"] = true }
        page.setText("prev_url", head.prevURL)
        page.setText("next_url", head.nextURL)
        return ["site": site, "assets": assets, "nav": nav, "footer": footer, "page": page]
    }

    /// The title of a page followed by the store's name.
    func title(_ pageTitle: String) -> String { "\(pageTitle) · \(model.config.name)" }

    /// The Open Graph tags every page has; product pages add their own.
    func openGraph(title: String, description: String, path: String, image: String?, type: String = "website") -> [(String, String)] {
        var tags = [
            ("og:type", type), ("og:site_name", model.config.name), ("og:title", title),
            ("og:description", description), ("og:url", model.absolute(path)),
        ]
        if let image { tags.append(("og:image", model.absolute(image))) }
        return tags
    }

    private func links(_ handles: [String]) -> [Values] {
        handles.compactMap { handle in
            model.content.pages.first { $0.handle == handle }.map { ["title": $0.title, "url": $0.path] }
        }
    }

    /// The year of the newest content date: the copyright year, stable between builds.
    private var year: String {
        let dates = model.newest.prefix(1).map(\.date) + model.content.stories.prefix(1).compactMap(\.date)
        return String(dates.max()?.prefix(4) ?? "2026")
    }
}

import ShelfConfig
import ShelfCore

/// The values around every page's own content: site, assets, menus, footer and the head.
struct Chrome {
    let model: SiteModel

    /// Partials rendered once per build with the site-wide values, not once per page.
    static let cachedPartials = ["partials/header", "partials/footer"]

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

    /// The page's values: the site-wide ones of `SiteModel.siteValues` plus the page's head.
    func values(_ head: Head) -> Values {
        var page: Values = [
            "title": head.title, "description": head.description, "path": head.path,
            "canonical": model.absolute(head.path),
        ]
        page["og"] = head.og.map { ["property": $0.0, "content": $0.1] as Values }
        page["twitter_card"] = head.og.contains { $0.0 == "og:image" } ? "summary_large_image" : "summary"
        page.setText("json_ld", head.jsonLD)
        if head.noindex { page["noindex"] = true }
        page.setText("prev_url", head.prevURL)
        page.setText("next_url", head.nextURL)
        var values = model.siteValues
        values["page"] = page
        return values
    }

    /// Values that are the same on every page, with the header and footer partials rendered once.
    static func siteValues(
        content: StoreContent, usedCategories used: Set<String>, assetURLs: [String: String], theme: Theme, year: String
    ) -> Values {
        let config = content.config
        var site: Values = [
            "name": config.name, "base_url": config.baseURL, "language": config.language,
            "currency": config.currency.code, "year": year,
        ]
        site.setText("tagline", config.tagline)
        site.setText("announcement", config.announcement)
        if let campaign = content.announcedCampaign, let banner = campaign.banner {
            site["announcement"] = banner
            site["announcement_url"] = campaign.path
        }
        site.setText("favicon", content.favicon)

        var assets: Values = [:]
        for (name, url) in assetURLs { assets[assetKey(name)] = url }

        let categories: [Values] = config.categories.filter { used.contains($0.handle) }.map {
            ["title": $0.title, "url": "/shop/\($0.handle)/"]
        }
        var nav: Values = [
            "categories": categories, "shop_url": "/shop/", "cart_url": "/fn/cart", "search_url": "/fn/search",
        ]
        if !content.stories.isEmpty { nav["stories_url"] = "/stories/" }
        if content.pages.contains(where: { $0.handle == "about" }) { nav["about_url"] = "/about/" }
        let links = { (handles: [String]) -> [Values] in
            handles.compactMap { handle in content.pages.first { $0.handle == handle }.map { ["title": $0.title, "url": $0.path] } }
        }
        let footer: Values = [
            "shop": [["title": "Shop all", "url": "/shop/"] as Values] + categories,
            "help": links(["faq"]) + [["title": "Order status", "url": "/fn/checkout/status"]]
                + links(["shipping", "returns", "size-guide", "contact"]),
            "about": links(["about"]) + (content.stories.isEmpty ? [] : [["title": "Stories", "url": "/stories/"]])
                + links(["privacy", "terms"]),
        ]
        // A theme shows a form only for a function the store has (`{{#functions.search}}`).
        let functions = Values(uniqueKeysWithValues: FunctionNames.all.map { ($0, true as Any) })
        var values: Values = ["site": site, "assets": assets, "nav": nav, "footer": footer, "functions": functions]
        values["chrome"] = ["header": theme.render("partials/header", values), "footer": theme.render("partials/footer", values)] as Values
        return values
    }

    /// The key a template reaches an asset's URL by: `app.css` and `app.js` are `assets.css` and
    /// `assets.js`; any other asset's name with `_` for its dots and slashes, which a Mustache
    /// key cannot hold (`search.js` is `assets.search_js`).
    static func assetKey(_ name: String) -> String {
        if name == "app.css" || name == "app.js" { return String(name.dropFirst(4)) }
        return String(name.map { $0 == "." || $0 == "/" ? "_" : $0 })
    }

    /// The title of a page followed by the store's name.
    func title(_ pageTitle: String) -> String { "\(pageTitle) · \(model.config.name)" }

    /// The Open Graph tags every page has; product pages add their own. An `og:image` only for
    /// a raster image: the sites that show link previews ignore SVG.
    func openGraph(title: String, description: String, path: String, image: String?, type: String = "website") -> [(String, String)] {
        var tags = [
            ("og:type", type), ("og:site_name", model.config.name), ("og:title", title),
            ("og:description", description), ("og:url", model.absolute(path)),
        ]
        if let image, Self.isRaster(image) { tags.append(("og:image", model.absolute(image))) }
        return tags
    }

    /// Whether an image path names a raster format (PNG, JPEG, WebP, GIF, AVIF).
    static func isRaster(_ path: String) -> Bool {
        guard let dot = path.lastIndex(of: ".") else { return false }
        return ["png", "jpg", "jpeg", "webp", "gif", "avif"].contains(path[path.index(after: dot)...].lowercased())
    }
}

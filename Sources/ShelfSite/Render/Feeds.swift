import ShelfConfig
import ShelfCore

/// The machine-read files: `sitemap.xml`, `robots.txt` and the Atom feed.
enum Feeds {
    /// The most URLs one sitemap file may hold.
    static let sitemapLimit = 50_000

    /// One sitemap, or a sitemap index and its parts when there are more URLs than one may hold.
    static func sitemaps(paths: [String], model: SiteModel) -> [(path: String, text: String)] {
        let urls = paths.map { "<url><loc>\(Markup.escape(model.absolute($0)))</loc></url>\n" }
        let head = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
        if urls.count <= sitemapLimit {
            return [("sitemap.xml", head + urls.joined() + "</urlset>\n")]
        }
        var files: [(String, String)] = []
        var index = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
        for (number, start) in stride(from: 0, to: urls.count, by: sitemapLimit).enumerated() {
            let name = "sitemap-\(number + 1).xml"
            files.append((name, head + urls[start..<min(start + sitemapLimit, urls.count)].joined() + "</urlset>\n"))
            index += "<sitemap><loc>\(Markup.escape(model.absolute("/" + name)))</loc></sitemap>\n"
        }
        return [("sitemap.xml", index + "</sitemapindex>\n")] + files
    }

    static func robots(model: SiteModel) -> String {
        "User-agent: *\nAllow: /\nDisallow: /fn/\n\nSitemap: \(model.absolute("/sitemap.xml"))\n"
    }

    /// An Atom feed of the newest stories and products, twenty entries at most.
    static func atom(model: SiteModel) -> String {
        struct Entry {
            var title, path, date, summary: String
        }
        let entries =
            (model.content.stories.map { Entry(title: $0.title, path: $0.path, date: $0.date ?? "", summary: $0.description ?? $0.summary) }
            + model.newest.map {
                Entry(title: $0.title, path: "/products/\($0.handle)/", date: $0.date, summary: $0.seoDescription ?? $0.summary)
            })
            .sorted { ($0.date, $1.path) > ($1.date, $0.path) }
            .prefix(20)
        let updated = (entries.first?.date ?? "1970-01-01") + "T00:00:00Z"
        var xml = """
            <?xml version="1.0" encoding="utf-8"?>
            <feed xmlns="http://www.w3.org/2005/Atom">
            <title>\(Markup.escape(model.config.name))</title>
            <subtitle>\(Markup.escape(model.config.tagline))</subtitle>
            <link href="\(Markup.escape(model.absolute("/feed.xml")))" rel="self"/>
            <link href="\(Markup.escape(model.absolute("/")))"/>
            <id>\(Markup.escape(model.absolute("/")))</id>
            <updated>\(updated)</updated>

            """
        for entry in entries {
            let url = Markup.escape(model.absolute(entry.path))
            xml += """
                <entry><title>\(Markup.escape(entry.title))</title><link href="\(url)"/><id>\(url)</id>\
                <updated>\(entry.date)T00:00:00Z</updated><summary>\(Markup.escape(entry.summary))</summary>\
                <author><name>\(Markup.escape(model.config.name))</name></author></entry>

                """
        }
        return xml + "</feed>\n"
    }
}

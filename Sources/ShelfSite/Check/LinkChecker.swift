import Foundation

/// Finds internal links of a built site that lead nowhere.
public enum LinkChecker {
    /// One link that does not resolve: the page it is on and where it points.
    public struct BrokenLink: Sendable, Hashable, CustomStringConvertible {
        public var page: String
        public var target: String
        public var description: String { "site/\(page): links to \(target), which the site does not have" }
    }

    /// Checks every `href`, `src` and `action` of every HTML file under `site` that points inside
    /// the site. Links into `/fn/` are the functions' and are not files.
    public static func check(site: String) -> [BrokenLink] {
        let pages = Theme.files(under: site, extension: "html")
        let results: [[BrokenLink]] = pages.parallelMap { page in
            guard let data = FileManager.default.contents(atPath: site + "/" + page),
                let html = String(data: data, encoding: .utf8)
            else { return [] }
            return links(in: html).compactMap { link in
                resolves(link, in: site) ? nil : BrokenLink(page: page, target: link)
            }
        }
        return results.flatMap { $0 }
    }

    /// The site-internal link targets of a page.
    static func links(in html: String) -> [String] {
        var found: [String] = []
        for attribute in [" href=\"", " src=\"", " action=\""] {
            var rest = html[...]
            while let start = rest.range(of: attribute) {
                let after = rest[start.upperBound...]
                guard let end = after.firstIndex(of: "\"") else { break }
                let link = String(after[..<end])
                if link.hasPrefix("/"), !link.hasPrefix("//") { found.append(link) }
                rest = after[end...]
            }
        }
        return found
    }

    private static func resolves(_ link: String, in site: String) -> Bool {
        var path = String(link.prefix { $0 != "?" && $0 != "#" })
        path = path.removingPercentEncoding ?? path
        if path.hasPrefix("/fn/") || path == "/fn" { return true }
        if path.hasSuffix("/") { path += "index.html" }
        return FileManager.default.fileExists(atPath: site + path)
    }
}

import Foundation
import ShelfConfig
import ShelfCore
import ShelfStore

/// A newsletter's Markdown body, cut into sections at its `##` headings, with product cards
/// for `{{product HANDLE}}` lines, rendered to HTML and text whose store links are placeholders.
struct NewsletterBody {
    private(set) var sections: [String] = []
    private(set) var html = ""
    private(set) var text = ""
    private(set) var links: [NewsletterLink] = []

    private let baseURL: String

    init(
        markdown: String, file: String, firstLine: Int, baseURL: String, products: [String: Product], prices: PriceFormatter
    ) throws(SiteError) {
        self.baseURL = baseURL
        var section = "intro"
        var pending: [String] = []
        for (offset, line) in markdown.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = line.hasSuffix("\r") ? String(line.dropLast()) : String(line)
            if line.hasPrefix("## ") {
                flush(&pending, section: section)
                section = Slug.make(String(line.dropFirst(3)))
                guard !sections.contains(section), !section.isEmpty else {
                    throw SiteError(
                        file, line: firstLine + offset, "two sections are called \"\(section)\"; give each `##` heading its own name")
                }
                pending.append(line)
            } else if let handle = Self.productHandle(line) {
                guard let product = products[handle] else {
                    throw SiteError(file, line: firstLine + offset, "no product has the handle \"\(handle)\"; check content/products/")
                }
                flush(&pending, section: section)
                card(product, prices: prices, section: section)
            } else if line.contains("{{") {
                throw SiteError(file, line: firstLine + offset, "the only shortcode is a line `{{product HANDLE}}`")
            } else {
                pending.append(line)
            }
        }
        flush(&pending, section: section)
        if sections.isEmpty { sections = ["intro"] }
    }

    /// Gives the sections these ids, in order, in the links too.
    mutating func rename(sections ids: [String]) {
        let names = Dictionary(uniqueKeysWithValues: zip(sections, ids))
        sections = ids
        links = links.map { NewsletterLink(section: names[$0.section] ?? $0.section, target: $0.target) }
    }

    /// `coat` for a line `{{product coat}}` (spaces allowed inside the braces).
    static func productHandle(_ line: String) -> String? {
        let trimmed = line.trimmingCharacters(in: .whitespaces)
        guard trimmed.hasPrefix("{{"), trimmed.hasSuffix("}}") else { return nil }
        let words = trimmed.dropFirst(2).dropLast(2).split(separator: " ")
        guard words.count == 2, words[0] == "product" else { return nil }
        return String(words[1])
    }

    private mutating func flush(_ lines: inout [String], section: String) {
        defer { lines = [] }
        if !sections.contains(section) { sections.append(section) }
        let markdown = lines.joined(separator: "\n")
        guard !markdown.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { return }
        html += trackHTML(Markdown.render(markdown).html, section: section)
        text += trackText(markdown, section: section) + "\n\n"
    }

    private mutating func card(_ product: Product, prices: PriceFormatter, section: String) {
        let link = placeholder(for: "/products/\(product.handle)/", section: section)
        let price = product.lowestPrice.map(prices.string) ?? ""
        var image = ""
        if let first = product.images.first {
            image = """
                <a href="\(link)"><img src="\(Markup.escape(absolute(first.src)))" alt="\(Markup.escape(first.alt))" width="160" \
                style="display:block;width:160px;height:auto;border:0;"></a>
                """
        }
        html += """
            <table role="presentation" cellpadding="0" cellspacing="0" class="product-card" style="margin:16px 0;width:100%;">\
            <tr><td style="width:176px;vertical-align:top;">\(image)</td><td style="vertical-align:top;padding-left:16px;">\
            <p style="margin:0 0 4px;font-weight:bold;">\(Markup.escape(product.title))</p>\
            <p style="margin:0 0 12px;">\(Markup.escape(price))</p>\
            <a href="\(link)" style="display:inline-block;background:#111;color:#fff;padding:10px 16px;text-decoration:none;">See it</a>\
            </td></tr></table>

            """
        text += "\(product.title) — \(price)\n\(link)\n\n"
    }

    /// The placeholder of the tracked link to `target`, a path inside the store, from
    /// `section`: the same one for the same link in the HTML and the text.
    private mutating func placeholder(for target: String, section: String) -> String {
        let link = NewsletterLink(section: section, target: target)
        if let index = links.firstIndex(of: link) { return NewsletterIssue.linkPlaceholder(index) }
        links.append(link)
        return NewsletterIssue.linkPlaceholder(links.count - 1)
    }

    /// The path inside the store a link goes to; nil for another site or scheme, left as it is.
    private func storePath(_ url: String) -> String? {
        if url.hasPrefix("/"), !url.hasPrefix("//"), !url.hasPrefix("/\\") { return url }
        guard url.hasPrefix(baseURL) else { return nil }
        let rest = String(url.dropFirst(baseURL.count))
        if rest.isEmpty { return "/" }
        return rest.hasPrefix("/") && !rest.hasPrefix("//") ? rest : nil
    }

    private func absolute(_ src: String) -> String { src.hasPrefix("/") ? baseURL + src : src }

    /// The HTML with each `href` to the store replaced by a placeholder.
    private mutating func trackHTML(_ html: String, section: String) -> String {
        var out = ""
        var rest = Substring(html)
        while let start = rest.range(of: "href=\"") {
            out += rest[..<start.upperBound]
            rest = rest[start.upperBound...]
            guard let end = rest.firstIndex(of: "\"") else { break }
            let url = String(rest[..<end]).replacingOccurrences(of: "&amp;", with: "&")
            out += storePath(url).map { placeholder(for: $0, section: section) } ?? String(rest[..<end])
            rest = rest[end...]
        }
        return out + rest
    }

    /// The Markdown as text: each `[label](url)` to the store becomes `label (placeholder)`.
    private mutating func trackText(_ markdown: String, section: String) -> String {
        var out = ""
        var rest = Substring(markdown)
        while let open = rest.range(of: "]("), let close = rest[open.upperBound...].firstIndex(of: ")") {
            let url = String(rest[open.upperBound..<close])
            let labelStart = rest[..<open.lowerBound].lastIndex(of: "[")
            out += rest[..<(labelStart ?? open.lowerBound)]
            let label = labelStart.map { String(rest[rest.index(after: $0)..<open.lowerBound]) } ?? ""
            let target = storePath(url).map { placeholder(for: $0, section: section) } ?? url
            out += label.isEmpty ? target : "\(label) (\(target))"
            rest = rest[rest.index(after: close)...]
        }
        return (out + rest).replacingOccurrences(of: "## ", with: "")
    }
}

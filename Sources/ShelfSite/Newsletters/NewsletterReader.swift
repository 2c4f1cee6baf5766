import Foundation
public import ShelfConfig
import ShelfCore
import ShelfStore

/// Reads a newsletter file: front matter `subject`, `preheader`, `audience` (`all`, or a
/// mapping `topic: ID` or `bought_from: CATEGORY`) and optional `sections` (ids for the `##`
/// sections of the body, in order, instead of the headings' slugs); a Markdown body where a
/// line `{{product HANDLE}}` stands for a product card. Every problem is `file:line: what to fix`.
public enum NewsletterReader {
    static let keys: Set<String> = ["subject", "preheader", "audience", "sections"]

    /// Reads `file` (relative to `root`) against the store's `content`.
    public static func read(root: String, file: String, content: StoreContent) throws(SiteError) -> Newsletter {
        let text = try TextFile.read(file.hasPrefix("/") ? file : root + "/" + file, relative: file)
        let name = (file as NSString).lastPathComponent
        guard name.hasSuffix(".md") else { throw SiteError(file, "a newsletter is a Markdown file ending in .md") }
        let slug = String(name.dropLast(3))
        guard Slug.isValid(slug) else {
            throw SiteError(file, "the file name must be lower case letters, digits and dashes, like \(Slug.make(slug)).md")
        }
        let parts = try FrontMatter(splitting: text, file: file)
        let root = try YAMLValue.parse(parts.yaml, file: file, firstLine: parts.yamlFirstLine)
        let fields = try root.fields("the newsletter", allowed: keys)
        let subject = try fields.required("subject").text("subject")
        guard !subject.contains(where: \.isNewline), subject.count <= 200 else {
            throw fields["subject"]!.error("subject must be one line of at most 200 characters")
        }
        let audience = try self.audience(fields.required("audience"), config: content.config, content: content)
        let bodyLine = parts.yamlFirstLine + parts.yaml.count(where: { $0 == "\n" }) + 1
        var body = try NewsletterBody(
            markdown: parts.body, file: file, firstLine: bodyLine, baseURL: content.config.baseURL,
            products: Dictionary(content.products.map { ($0.handle, $0) }) { first, _ in first },
            prices: PriceFormatter(locale: content.config.locale, currency: content.config.currency))
        if let named = fields["sections"] {
            let ids = try named.strings("sections")
            guard ids.count == body.sections.count else {
                throw named.error(
                    "sections names \(ids.count) section(s) but the body has \(body.sections.count) (\(body.sections.joined(separator: ", "))); "
                        + "give one id per `##` section, the text before the first heading included")
            }
            for id in ids where !Slug.isValid(id) {
                throw named.error("section \"\(id)\" must be lower case letters, digits and dashes, like \"\(Slug.make(id))\"")
            }
            body.rename(sections: ids)
        }
        return Newsletter(
            slug: slug, subject: subject, preheader: try fields.text("preheader") ?? "", audience: audience, sections: body.sections,
            html: body.html, text: body.text, links: body.links)
    }

    private static func audience(_ value: YAMLValue, config: StoreConfig, content: StoreContent) throws(SiteError) -> NewsletterAudience {
        let usage = "audience is `all`, or `topic: ID` or `bought_from: CATEGORY` on the lines below it"
        if case .scalar = value.node {
            guard try value.text("audience") == "all" else { throw value.error(usage) }
            return .all
        }
        let fields = try value.fields("the audience", allowed: ["topic", "bought_from"])
        guard fields.order.count == 1 else { throw value.error(usage) }
        if let topic = try fields.text("topic") {
            let known = config.newsletterTopics.map(\.id)
            guard known.contains(topic) else {
                throw fields["topic"]!.error(
                    "topic \"\(topic)\" is not one of shelf.toml's [[newsletter_topics]]: \(known.joined(separator: ", "))")
            }
            return .topic(topic)
        }
        guard let category = try fields.text("bought_from") else { throw value.error(usage) }
        let categories = Set(content.products.flatMap(\.categories))
        guard categories.contains(category) else {
            throw fields["bought_from"]!.error(
                "no product is in the category \"\(category)\"; use one of \(categories.sorted().joined(separator: ", "))")
        }
        return .boughtFrom(category: category)
    }
}

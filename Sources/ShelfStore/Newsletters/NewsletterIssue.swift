import ShelfCore

/// A newsletter as it was first sent: the subject and the HTML and text rendered with the
/// theme, holding per-recipient placeholders (``NewsletterIssue/linkPlaceholder(_:)``,
/// ``unsubscribePlaceholder``, ``preferencesPlaceholder``) that delivery fills in.
public struct NewsletterIssue: Hashable, Sendable {
    public var id: Int64
    /// The file's name without `.md`: `spring-sale`.
    public var slug: String
    public var subject: String
    public var audience: String
    public var html: String
    public var text: String
    /// The store links of the email, in placeholder order.
    public var links: [NewsletterLink]
    public var createdAt: Int64

    /// Where link number `index` goes in ``html`` and ``text``.
    public static func linkPlaceholder(_ index: Int) -> String { "@@shelf-link-\(index)@@" }
    public static let unsubscribePlaceholder = "@@shelf-unsubscribe@@"
    public static let preferencesPlaceholder = "@@shelf-preferences@@"
    /// Where the recipient's open pixel address goes, in the HTML of a newsletter sent with
    /// `[mail] track_opens = true` only.
    public static let openPlaceholder = "@@shelf-open@@"

    init(_ row: Row) throws {
        id = try row.int64("id")
        slug = try row.text("slug")
        subject = try row.text("subject")
        audience = try row.text("audience")
        html = try row.text("html")
        text = try row.text("text")
        links = try NewsletterLink.decode(try row.text("links"))
        createdAt = try row.int64("created_at")
    }
}

/// A link of a newsletter to a page of the store, and the section of the email it is in.
public struct NewsletterLink: Hashable, Sendable {
    /// The section's id (`intro`, or a `##` heading's slug).
    public var section: String
    /// The path inside the store, starting with one `/`: `/products/coat/`.
    public var target: String

    public init(section: String, target: String) {
        self.section = section
        self.target = target
    }

    static func encode(_ links: [NewsletterLink]) -> String {
        JSON.array(links.map { JSON.array([.string($0.section), .string($0.target)]) }).text
    }

    static func decode(_ text: String) throws -> [NewsletterLink] {
        guard case .array(let items)? = try? JSON.parse(Array(text.utf8)) else {
            throw DatabaseError(message: "newsletter links are not a JSON array")
        }
        return try items.map { item in
            guard case .array(let pair) = item, pair.count == 2, let section = pair[0].string, let target = pair[1].string else {
                throw DatabaseError(message: "a newsletter link is not a [section, target] pair")
            }
            return NewsletterLink(section: section, target: target)
        }
    }
}

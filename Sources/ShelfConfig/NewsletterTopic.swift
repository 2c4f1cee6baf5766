import ShelfCore

/// One newsletter a subscriber may get, declared in `shelf.toml`:
///
/// ```toml
/// [[newsletter_topics]]
/// id = "arrivals"
/// name = "New arrivals and stories"
/// ```
public struct NewsletterTopic: Sendable, Hashable {
    /// Lower case letters, digits and dashes; what the database keeps, so never renamed.
    public var id: String
    /// What the preference page shows.
    public var name: String

    public init(id: String, name: String) {
        self.id = id
        self.name = name
    }

    /// The one topic of a store that declares none.
    public static let news = NewsletterTopic(id: "news", name: "Newsletter")

    /// The `[[newsletter_topics]]` of the settings, or ``news`` alone when there are none.
    static func all(in reader: TOMLReader) throws(SiteError) -> [NewsletterTopic] {
        var topics: [NewsletterTopic] = []
        for entry in try reader.tables("newsletter_topics") {
            try entry.allowOnly(["id", "name"])
            let id = try entry.requiredString("id")
            guard Slug.isValid(id) else {
                throw entry.error(
                    at: "id", "newsletter topic id \"\(id)\" must be lower case letters, digits and dashes, like \"\(Slug.make(id))\"")
            }
            if topics.contains(where: { $0.id == id }) {
                throw entry.error(at: "id", "newsletter topic \"\(id)\" is declared twice; keep one [[newsletter_topics]] entry for it")
            }
            topics.append(NewsletterTopic(id: id, name: try entry.requiredString("name")))
        }
        return topics.isEmpty ? [.news] : topics
    }
}

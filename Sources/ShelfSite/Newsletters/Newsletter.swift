public import ShelfStore

/// A campaign email read from `content/newsletters/NAME.md`, its body rendered to HTML and
/// plain text with a placeholder for every store link (``NewsletterIssue/linkPlaceholder(_:)``)
/// so each recipient's copy can carry its own signed click links.
///
/// ```swift
/// let newsletter = try NewsletterReader.read(root: store, file: "content/newsletters/spring.md", content: content)
/// ```
public struct Newsletter: Sendable, Hashable {
    /// The file name without `.md`: what `shelf newsletter stats` and the database call it.
    public var slug: String
    public var subject: String
    /// The line mail programs show after the subject.
    public var preheader: String
    public var audience: NewsletterAudience
    /// The body's sections in order: the text before the first `##` heading is `intro`.
    public var sections: [String]
    /// The body, HTML, with link placeholders.
    public var html: String
    /// The body, plain text, with the same link placeholders.
    public var text: String
    /// The store links, in placeholder order, each with its section.
    public var links: [NewsletterLink]
}

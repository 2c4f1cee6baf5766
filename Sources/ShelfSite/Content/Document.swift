public import ShelfCore

/// A Markdown page, story or campaign landing page.
public struct Document: Hashable, Sendable {
    public enum Kind: String, Sendable {
        case page, story, campaign

        /// The content folder the kind lives in (`pages`).
        var folder: String { self == .story ? "stories" : "\(rawValue)s" }
    }

    public var kind: Kind
    public var handle: String
    public var title: String
    public var description: String?
    public var date: String?
    public var author: String?
    public var image: String?
    public var imageAlt: String?
    /// A campaign's one-line pitch shown on the home page.
    public var banner: String?
    /// Handles of the products a campaign features.
    public var products: [String]
    /// The day a campaign starts and ends (`YYYY-MM-DD`) as written, for display.
    public var starts: String?
    public var ends: String?
    /// When a campaign runs; always open for pages and stories.
    public var window = CampaignWindow()
    /// A campaign's discount rules, their scopes resolved once the products are loaded.
    public var discounts: [CampaignDiscount] = []
    public var bodyHTML: String
    public var summary: String
    /// The file the document came from, relative to the store.
    public var file: String

    /// The site path the document is published at.
    public var path: String {
        switch kind {
        case .page: "/\(handle)/"
        case .story: "/stories/\(handle)/"
        case .campaign: "/campaigns/\(handle)/"
        }
    }
}

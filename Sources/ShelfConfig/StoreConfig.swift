public import ShelfCore

/// The store's settings, read from `shelf.toml` at the store root.
public struct StoreConfig: Sendable, Hashable {
    public var name: String
    public var tagline: String
    /// The live site's absolute URL without a trailing slash (`https://shop.example.com`).
    public var baseURL: String
    public var currency: Currency
    /// The BCP 47 locale prices and dates are written in (`en-IE`).
    public var locale: String
    public var language: String
    public var theme: String
    public var announcement: String?
    public var catalogue: Catalogue
    public var hero: Hero
    public var precompress: Bool
    /// Every category products may use, in menu order.
    public var categories: [Category]
    /// The secrets file, relative to the store folder (`data/secrets.toml`).
    public var secretsFile: String
    public var cart: Cart
    public var checkout: CheckoutSettings
    public var functions: Functions
    public var mail: MailSettings
    /// The PostgreSQL database of `[database] url`, without its password; nil keeps the SQLite
    /// file `data/shelf.sqlite`. See ``databaseLocation(root:environment:secrets:)``.
    public var databaseURL: String?
    /// The newsletters a subscriber can choose on the preference page (`[[newsletter_topics]]`);
    /// a sign-up gets them all. One, `news`, when none are declared.
    public var newsletterTopics: [NewsletterTopic] = [NewsletterTopic.news]
    public var analytics = AnalyticsSettings()
    /// `[reviews]`: moderation, what product pages show of reviews, and when reports hide one.
    public var reviews = ReviewSettings()

    /// Cart rules.
    public struct Cart: Sendable, Hashable {
        /// The most of one SKU a cart line may hold.
        public var maxPerLine = 10
        /// The most different SKUs (lines) a cart may hold.
        public var maxLines = CartRules.defaultMaxLines
        /// How long a cart lives after its last change, in days.
        public var lifetimeDays = 30
    }

    /// How the functions run.
    public struct Functions: Sendable, Hashable {
        /// The wall-clock limit of one request; a handler that overruns answers 503.
        public var timeoutSeconds = 10
    }

    /// Listing and home page settings.
    public struct Catalogue: Sendable, Hashable {
        public var perPage = 24
        /// The orders shoppers can sort listings in, each a set of static pages; empty or only
        /// `.newest` means listings are newest first with no "Sort by" choice.
        public var sortPages = ListingSort.allCases
        /// The options (by name, any case) whose values get static filter pages; nil gives every
        /// option pages, empty none (the category pages' "Combine filters" form still filters).
        public var filterPages: [String]?
        public var newArrivals = 8
        public var featuredCategories: [String] = []
        public var lowStock = 3
        public var sizeGuide: String?
    }

    /// The home page's opening section.
    public struct Hero: Sendable, Hashable {
        public var title: String
        public var text: String
        public var image: String?
        public var imageAlt: String
    }
}

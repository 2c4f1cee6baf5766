import Foundation
import ShelfConfig
import ShelfCore
import ShelfStore

/// The store's content joined with its stock: everything pages are planned and rendered from.
///
/// Built once per build and read from all cores; never changed after `init`.
final class SiteModel: @unchecked Sendable {
    let content: StoreContent
    let config: StoreConfig
    let prices: PriceFormatter
    /// On-hand stock per SKU.
    let stock: [String: Int]
    /// The approved reviews pages show.
    let reviews: SiteReviews
    /// Published products, newest first.
    let newest: [Product]
    /// Each product's place in every sort order the store offers, by its index in `newest`, so
    /// listings sort by comparing integers and never copy a product.
    let ranks: [ListingSort: [Int]]
    /// The index in `newest` of each published product's handle.
    let indexByHandle: [String: Int]
    /// Indices in `newest` of the products of each category, newest first.
    let productsByCategory: [String: [Int]]
    /// The filters each category offers, and their fingerprints.
    let facets: [String: [Facet]]
    let facetFingerprints: [String: UInt64]
    /// Fingerprinted asset URLs by theme asset name (`app.css` → `/assets/app.3f9c2a1b.css`).
    let assetURLs: [String: String]
    /// A fingerprint of what every page shows around its own content (settings, menus, assets).
    let chromeFingerprint: UInt64
    /// The values every page shares: `site`, `assets`, `nav`, `footer`, `chrome`.
    let siteValues: Values

    private let cardFingerprints: [String: UInt64]
    private let theme: Theme
    private let cards = Cache<String, CardValues>()
    private let fragments = Cache<String, String>()

    /// Facts about the whole catalogue, for a model that holds only some products.
    let facts: CatalogueFacts

    init(
        content: StoreContent, stock: [String: Int], reviews: SiteReviews = SiteReviews(), assetURLs: [String: String], theme: Theme,
        facts given: CatalogueFacts? = nil
    ) {
        self.reviews = reviews
        self.theme = theme
        self.content = content
        self.config = content.config
        self.prices = PriceFormatter(locale: content.config.locale, currency: content.config.currency)
        self.stock = stock
        self.assetURLs = assetURLs
        let published = content.publishedProducts
        self.newest = ListingSort.newest.sorted(published)
        let indexByHandle = Dictionary(uniqueKeysWithValues: newest.enumerated().map { ($1.handle, $0) })
        self.indexByHandle = indexByHandle
        var ranks: [ListingSort: [Int]] = [:]
        // Orders without pages are never sorted: on a big catalogue each costs a sort of every product.
        for order in Set([.newest] + content.config.catalogue.sortPages) {
            var rank = [Int](repeating: 0, count: newest.count)
            for (position, product) in (order == .newest ? newest : order.sorted(published)).enumerated() {
                rank[indexByHandle[product.handle]!] = position
            }
            ranks[order] = rank
        }
        self.ranks = ranks
        var byCategory: [String: [Int]] = [:]
        for (index, product) in newest.enumerated() {
            for category in Set(product.categories) { byCategory[category, default: []].append(index) }
        }
        self.productsByCategory = byCategory
        let newest = self.newest
        self.facets = byCategory.mapValues { Facet.facets(of: $0, in: newest) }
        self.facetFingerprints = facets.mapValues { Facet.fingerprint($0) }

        var cardFingerprints: [String: UInt64] = [:]
        let cardTemplate = theme.fingerprints[Card.template] ?? 0
        for product in published {
            let soldOut = !product.variants.contains { (stock[$0.sku] ?? 0) > 0 }
            cardFingerprints[product.handle] = Card.fingerprint(
                of: product, soldOut: soldOut, reviews: reviews.summaries[product.handle], template: cardTemplate)
        }
        self.cardFingerprints = cardFingerprints

        // The year of the newest content date: the copyright year, stable between builds.
        let dates = newest.prefix(1).map(\.date) + content.stories.prefix(1).compactMap(\.date)
        let facts =
            given ?? CatalogueFacts(usedCategories: Set(published.flatMap(\.categories)), year: String(dates.max()?.prefix(4) ?? "1970"))
        self.facts = facts
        let year = facts.year
        self.siteValues = Chrome.siteValues(
            content: content, usedCategories: facts.usedCategories, assetURLs: assetURLs, theme: theme, year: year)

        var chrome = StableHasher()
        chrome.combine(content.configFingerprint)
        chrome.combine(year)
        chrome.combine(facts.usedCategories.sorted())
        for partial in Chrome.cachedPartials { chrome.combine(theme.fingerprints[partial] ?? 0) }
        for (name, url) in assetURLs.sorted(by: { $0.key < $1.key }) {
            chrome.combine(name)
            chrome.combine(url)
        }
        for document in content.pages { chrome.combine(document.handle + "\t" + document.title) }
        chrome.combine(content.stories.isEmpty)
        chrome.combine(content.favicon ?? "")
        chrome.combine(content.announcedCampaign.map { "\($0.handle)\t\($0.banner ?? "")" } ?? "")
        self.chromeFingerprint = chrome.value
    }

    /// The published product with a handle.
    func product(_ handle: String) -> Product? { indexByHandle[handle].map { newest[$0] } }

    /// A product's card values, with `html`: the card partial rendered once per build, on first
    /// use, and reused by every page that shows the card.
    func card(_ handle: String) -> Any {
        guard let product = product(handle) else { return [:] as Values }
        return cards.value(for: handle) {
            let soldOut = !product.variants.contains { (stock[$0.sku] ?? 0) > 0 }
            return CardValues(product: product, soldOut: soldOut, reviews: reviews.summaries[handle], prices: prices) {
                theme.render(Card.template, $0)
            }
        }
    }
    func cardFingerprint(_ handle: String) -> UInt64 { cardFingerprints[handle] ?? 0 }

    /// A partial rendered once per build for each `key` and reused by every page that shows it,
    /// as the pills of a category are on all its listing pages; `values` runs on first use.
    /// The last line break is dropped, so a `{{{fragment}}}` on a line of its own adds no blank line.
    func fragment(_ template: String, key: String, _ values: () -> Values) -> String {
        fragments.value(for: template + "\n" + key) {
            let html = theme.render(template, values())
            return html.hasSuffix("\n") ? String(html.dropLast()) : html
        }
    }

    /// A template's fingerprint, covering the partials it pulls in: for pages that show a
    /// partial rendered by ``fragment(_:key:_:)`` rather than included by their own template.
    func templateFingerprint(_ name: String) -> UInt64 { theme.fingerprints[name] ?? 0 }

    /// What a shopper can buy of a SKU right now, reduced to what a page shows: the exact count
    /// only at or below the low-stock threshold, so ordinary stock movement re-renders nothing.
    func stockState(_ sku: String) -> Int {
        min(stock[sku] ?? 0, config.catalogue.lowStock + 1)
    }

    /// The facets of a category whose values have filter pages, as the settings choose.
    func facetsWithPages(_ category: String) -> [Facet] {
        (facets[category] ?? []).filter { config.catalogue.hasFilterPages(forOption: $0.name) }
    }

    func categoryTitle(_ handle: String) -> String {
        config.categories.first { $0.handle == handle }?.title ?? handle
    }

    func absolute(_ path: String) -> String { config.baseURL + path }
}

/// A thread-safe memo of values computed on first use.
final class Cache<Key: Hashable, Value>: @unchecked Sendable {
    private var values: [Key: Value] = [:]
    private let lock = NSLock()

    func value(for key: Key, _ make: () -> Value) -> Value {
        lock.lock()
        if let known = values[key] {
            lock.unlock()
            return known
        }
        lock.unlock()
        let made = make()
        lock.lock()
        values[key] = made
        lock.unlock()
        return made
    }
}

/// The values a template receives: a tree of dictionaries, arrays, texts and flags.
/// A key that is absent, never an empty text, means "nothing to show", since Mustache treats
/// an empty text as true.
typealias Values = [String: Any]

extension Dictionary where Key == String, Value == Any {
    /// Sets a text only when it has something to show.
    mutating func setText(_ key: String, _ text: String?) {
        if let text, !text.isEmpty { self[key] = text }
    }
}

/// What only the whole catalogue can tell: which categories have products, the copyright year,
/// and each product's related products. An incremental build that loads only the products it
/// re-renders takes these from the last full planning, so its pages come out identical.
struct CatalogueFacts: Sendable {
    var usedCategories: Set<String>
    var year: String
    /// Related product handles by product handle; when absent, computed from the model.
    var related: [String: [String]]? = nil
}

public import ShelfConfig
public import ShelfCore

/// Everything a merchant authored, loaded and checked: the input of a build.
public struct StoreContent: Sendable {
    public var config: StoreConfig
    /// A fingerprint of the text of `shelf.toml`: changes whenever the settings can.
    var configFingerprint: UInt64 = 0
    /// Every product, published or not, ordered by handle.
    public var products: [Product]
    /// The file each product came from, relative to the store (`content/products/tee.md`).
    public var productFiles: [String: String]
    /// A fingerprint of each product file's text, by handle: what a product page shows of it.
    var sourceHashes: [String: UInt64]
    /// Size and modification time of each product file that was read, by file.
    var productStamps: [String: FileStamp] = [:]
    public var pages: [Document]
    public var stories: [Document]
    public var campaigns: [Document]
    /// The store's icon under `static/` (`/favicon.svg`, `.png` or `.ico`), linked from every page.
    public var favicon: String? = nil

    /// The moment the pages are rendered for: which campaigns show as running.
    public var now: Int64 = 0

    /// The campaigns running at `now`.
    public var runningCampaigns: [Document] { campaigns.filter { $0.window.isRunning(at: now) } }

    /// The running campaign with a banner that started last: the announcement bar and the home
    /// page's banner show it.
    public var announcedCampaign: Document? {
        runningCampaigns.filter { $0.banner != nil }.max { ($0.window.starts ?? .min, $1.handle) < ($1.window.starts ?? .min, $0.handle) }
    }

    /// Published products only: what the site shows.
    public var publishedProducts: [Product] { products.filter(\.published) }
}

/// A file's size and modification time (nanoseconds): what tells an edited file from an unchanged one.
struct FileStamp: Hashable, Sendable {
    var size: Int64
    var modified: Int64
}

import Glibc
public import ShelfConfig
public import ShelfCore
public import ShelfCrypto
public import ShelfStore
import Synchronization

/// What every handler of a function may use: the store's settings and secrets, the database,
/// the theme, the clock and the random source — each passed in, none process-wide.
///
/// The database and the theme are opened on first use, so a CGI request that only redirects
/// never parses a template.
public final class FunctionContext: Sendable {
    /// The store folder (`SHELF_ROOT`).
    public let root: String
    public let config: StoreConfig
    public let secrets: Secrets
    /// The session key readied for form tokens (``FormToken``), once per process.
    public let formTokenKey: HMACSHA256Key
    public let clock: Clock
    public let random: any RandomSource
    /// Where the store's database lives: `data/shelf.sqlite`, or PostgreSQL (see
    /// ``StoreConfig/databaseLocation(root:environment:secrets:)``).
    public let database: DatabaseLocation
    /// Writes a line to the web server's error log (stderr); never to a response.
    public let log: @Sendable (String) -> Void
    // The store has a lock of its own: connecting to PostgreSQL may take a while (a server that
    // does not answer), and meanwhile the time limit's answer still renders its page.
    private let openedStore = Mutex<Store?>(nil)
    private let opened = Mutex<(pages: ThemePages?, prices: PriceFormatter?)>((nil, nil))
    /// The analytics salt of the last day a request asked for, and the visitor hash's key made
    /// of it (see `analyticsSalt(in:)`).
    let saltOfTheDay = Mutex<(day: Int64, salt: String, key: HMACSHA256Key)?>(nil)
    /// The analytics events a FastCGI process has not written yet (see ``EventBatch``).
    let pendingEvents = EventBatch()

    public init(
        root: String, config: StoreConfig, secrets: Secrets, database: DatabaseLocation? = nil, clock: Clock = .system,
        random: any RandomSource = SystemRandom(), log: @escaping @Sendable (String) -> Void = { FunctionContext.writeToStandardError($0) }
    ) {
        self.database = database ?? .sqlite(path: root + "/data/shelf.sqlite")
        self.log = log
        self.root = root
        self.config = config
        self.secrets = secrets
        formTokenKey = HMACSHA256Key(secrets.sessionKey)
        self.clock = clock
        self.random = random
    }

    /// Reads `SHELF_ROOT`, its `shelf.toml` and its secrets file.
    ///
    /// `SHELF_BASE_URL`, when the server sets it, replaces `base_url` for this process: `shelf
    /// serve` passes its own address, so links, payment return pages and the cross-site check
    /// follow the dev server. A request cannot set it (its headers arrive as `HTTP_*`).
    ///
    /// Throws a message for the web server's log when the store cannot be served; a secrets file
    /// other users can read is refused.
    public static func load(environment: [String: String]) throws(StartupError) -> FunctionContext {
        guard let root = environment["SHELF_ROOT"], root.hasPrefix("/") else {
            throw StartupError("SHELF_ROOT is not set to an absolute path; set it to the store folder in the web server's configuration")
        }
        do {
            var config = try StoreConfig.load(from: root)
            if let base = environment["SHELF_BASE_URL"], base.hasPrefix("http://") || base.hasPrefix("https://") {
                config.baseURL = base
            }
            let secrets = try Secrets.load(root + "/" + config.secretsFile, name: config.secretsFile)
            let database = try config.databaseLocation(root: root, environment: environment, secrets: secrets)
            return FunctionContext(root: root, config: config, secrets: secrets, database: database)
        } catch {
            throw StartupError("\(root)/\(error)")
        }
    }

    /// Writes `line` and a newline to stderr in one call, so lines of concurrent requests do not mix.
    public static func writeToStandardError(_ line: String) {
        let bytes = Array("shelf: \(line)\n".utf8)
        _ = bytes.withUnsafeBytes { write(2, $0.baseAddress, $0.count) }
    }

    /// The store's database, opened once per process. The functions never create it: a store
    /// without one has not been built. A PostgreSQL server that cannot be reached is a storage
    /// failure (503), and the next request tries again.
    public func store() throws -> Store {
        try openedStore.withLock { opened in
            if let store = opened { return store }
            if case .sqlite(let path) = database, access(path, R_OK | W_OK) != 0 {
                throw HTTPError(
                    503, "The shop is not available right now. Please try again later.",
                    log: "\(path) is missing or not writable by this user; run shelf build, and check its owner")
            }
            let store = try Store.open(database)
            opened = store
            return store
        }
    }

    /// The store's database if a request has opened it: what a group of requests shares
    /// without risking a wait (for a PostgreSQL server that does not answer) outside any
    /// request's time limit.
    var storeIfOpened: Store? { openedStore.withLock { $0 } }

    /// The theme's pages, loaded once per process.
    public func pages() throws -> ThemePages {
        try opened.withLock { opened in
            if let pages = opened.pages { return pages }
            let pages = try ThemePages.load(root: root, config: config)
            opened.pages = pages
            return pages
        }
    }

    /// Prices in the store's currency and locale.
    public var prices: PriceFormatter {
        opened.withLock { opened in
            if let prices = opened.prices { return prices }
            let prices = PriceFormatter(locale: config.locale, currency: config.currency)
            opened.prices = prices
            return prices
        }
    }
}

/// Why a function cannot serve this store at all, for the web server's log.
public struct StartupError: Error, CustomStringConvertible {
    public var description: String
    public init(_ description: String) { self.description = description }
}

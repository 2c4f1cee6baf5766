import Foundation

/// The store's live state — catalogue rows, stock, sessions, carts and orders — behind domain
/// operations; callers never see SQL.
///
/// ```swift
/// let store = try Store.open(at: "data/shelf.db")
/// try store.migrate()
/// let left = try store.adjustStock("TEE-M", by: -1)
/// ```
///
/// A `Store` is one database connection and is `Sendable`: calls made from several threads run
/// one after another on it. Threads or processes that should write in parallel open their own
/// `Store` on the same file; the database then queues their transactions.
public final class Store: Sendable {
    let database: any Database
    /// What searches count facets from, kept between the searches of a long-lived process.
    let searchCache = SearchCache()
    /// The analytics' database, opened on first use (``AnalyticsConnection``).
    let analyticsConnection: AnalyticsConnection

    /// A store on `database`, its analytics in the SQLite file at `analyticsPath` or, without
    /// one, in `database` too.
    init(database: any Database, analyticsPath: String? = nil) {
        self.database = database
        analyticsConnection = AnalyticsConnection(path: analyticsPath, store: database)
    }

    /// Opens the SQLite database at `path`, creating the file and its parent folder if needed.
    ///
    /// The database holds customers' names and addresses: a new folder is made private (0700)
    /// and a new file readable by its owner only (0600), and SQLite gives its `-wal` and `-shm`
    /// files the mode of the database. See ``DatabaseFiles``.
    ///
    /// The schema is not touched; call ``migrate()`` before the first use of a new file.
    public static func open(at path: String) throws -> Store {
        let files = DatabaseFiles(path)
        try files.createIfNeeded()
        return Store(database: try SQLiteDatabase(path: path), analyticsPath: files.analytics.path)
    }

    /// Opens the store's database wherever it lives: an SQLite file (created if needed, as
    /// ``open(at:)``) or a PostgreSQL database, which must exist already.
    public static func open(_ location: DatabaseLocation) throws -> Store {
        switch location {
        case .sqlite(let path): try open(at: path)
        case .postgresql(let url, let password): Store(database: try PostgresDatabase(url: url, password: password))
        }
    }

    /// Opens a private, empty database that lives in memory until the store goes away.
    public static func openInMemory() throws -> Store {
        Store(database: try SQLiteDatabase(path: ":memory:"))
    }

    /// Brings the schema up to date and returns the names of the migrations it applied,
    /// in order; a current schema applies nothing and returns `[]`.
    @discardableResult
    public func migrate() throws -> [String] {
        let applied = try database.migrate()
        // Opening the analytics moves their rows out of the store's database of an older store.
        _ = try analyticsDatabase()
        return applied
    }
}

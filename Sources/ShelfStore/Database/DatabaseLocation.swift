/// Where a store's database lives: an SQLite file on this machine, or a PostgreSQL database that
/// function processes on several machines share.
///
/// ```swift
/// let store = try Store.open(.postgresql(url: "postgresql://shelf@db.internal/shop", password: secret))
/// ```
public enum DatabaseLocation: Sendable, Hashable {
    /// The SQLite database file at this path.
    case sqlite(path: String)
    /// The PostgreSQL database a libpq URL names (`postgresql://user@host/db`, where `host` may
    /// be a socket folder given as `?host=/run/postgresql`), and the password to log in with;
    /// without one, libpq looks in `PGPASSFILE` or `~/.pgpass`.
    case postgresql(url: String, password: String?)

    /// The engine's name, for messages: `SQLite` or `PostgreSQL`.
    public var engine: String {
        switch self {
        case .sqlite: "SQLite"
        case .postgresql: "PostgreSQL"
        }
    }
}

import Foundation
public import ShelfConfig
public import ShelfStore

extension StoreFolder {
    /// Where this store's database lives: PostgreSQL when `SHELF_DATABASE_URL` or `[database] url`
    /// says so, else the SQLite file ``databaseFile`` (also for a folder without `shelf.toml`).
    /// See ``StoreConfig/databaseLocation(root:environment:secrets:)``; `environment` is this
    /// process's unless given.
    public func databaseLocation(
        environment: [String: String]? = nil, config: StoreConfig? = nil
    ) throws(SiteError)
        -> DatabaseLocation
    {
        let environment = environment ?? ProcessInfo.processInfo.environment
        if let config { return try config.databaseLocation(root: root, environment: environment) }
        guard FileManager.default.fileExists(atPath: configFile) else {
            return try StoreConfig.databaseLocation(
                root: root, configuredURL: nil, secretsFile: "data/secrets.toml", environment: environment)
        }
        return try StoreConfig.load(from: root).databaseLocation(root: root, environment: environment)
    }

    /// The database for messages: its file relative to the store, or "the PostgreSQL database"
    /// (never its URL, which the environment may give with a password).
    public func databaseName(_ location: DatabaseLocation) -> String {
        switch location {
        case .sqlite(let path): relative(path)
        case .postgresql: "the PostgreSQL database"
        }
    }

    /// False when the store has no database yet: its SQLite file is missing. A PostgreSQL
    /// database is there once the merchant points the store at it.
    public func hasDatabase(_ location: DatabaseLocation) -> Bool {
        switch location {
        case .sqlite(let path): FileManager.default.fileExists(atPath: path)
        case .postgresql: true
        }
    }
}

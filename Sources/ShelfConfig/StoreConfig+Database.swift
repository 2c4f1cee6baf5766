import Glibc
public import ShelfStore

extension StoreConfig {
    /// The environment variable that points a store's processes at a PostgreSQL database; it
    /// wins over `[database] url`, so one `shelf.toml` serves a laptop on SQLite and hosts that
    /// share PostgreSQL.
    public static let databaseURLVariable = "SHELF_DATABASE_URL"

    /// Where the store in `root` keeps its database: the PostgreSQL database of
    /// `SHELF_DATABASE_URL` or `[database] url`, else the SQLite file `data/shelf.sqlite`.
    ///
    /// PostgreSQL's password is `database_password` in the secrets file (`secrets` when the
    /// caller has read it already); without one, libpq looks in `PGPASSFILE` or `~/.pgpass`.
    ///
    /// ```swift
    /// let store = try Store.open(try config.databaseLocation(root: root, environment: environment))
    /// ```
    public func databaseLocation(
        root: String, environment: [String: String], secrets: Secrets? = nil
    ) throws(SiteError)
        -> DatabaseLocation
    {
        try Self.databaseLocation(
            root: root, configuredURL: databaseURL, secretsFile: secretsFile, environment: environment, secrets: secrets)
    }

    /// The PostgreSQL database at `url` as this store's processes would open it: the password
    /// from the secrets file (or `PGPASSFILE`), never from the url, which is refused with one.
    /// For a database the store does not use yet, such as the target of `shelf db copy --to`;
    /// `option` names where the url came from, for the message.
    public func databaseLocation(url: String, named option: String, root: String) throws(SiteError) -> DatabaseLocation {
        if let problem = DatabaseURL.problem(url) { throw SiteError(option, problem) }
        return try Self.databaseLocation(root: root, configuredURL: url, secretsFile: secretsFile, environment: [:])
    }

    /// The same choice for a folder whose `shelf.toml` was not read (`configuredURL` and
    /// `secretsFile` as it would give them).
    public static func databaseLocation(
        root: String, configuredURL: String?, secretsFile: String, environment: [String: String], secrets: Secrets? = nil
    ) throws(SiteError) -> DatabaseLocation {
        var url = configuredURL
        if let fromEnvironment = environment[databaseURLVariable], !fromEnvironment.isEmpty {
            // Not a file the merchant shares: a password here is the deployment's business.
            if let problem = DatabaseURL.problem(fromEnvironment, allowingPassword: true) {
                throw SiteError(databaseURLVariable, problem)
            }
            url = fromEnvironment
        }
        guard let url else { return .sqlite(path: root + "/data/shelf.sqlite") }
        var secrets = secrets
        let path = root + "/" + secretsFile
        if secrets == nil, access(path, F_OK) == 0 {
            secrets = try Secrets.load(path, name: secretsFile)
        }
        return .postgresql(url: url, password: secrets?.value("database_password"))
    }
}

/// Checks of a PostgreSQL URL as a merchant writes it in `shelf.toml` or `SHELF_DATABASE_URL`.
enum DatabaseURL {
    /// What is wrong with `url` as the store's database, worded for the merchant; nil when it
    /// is a PostgreSQL URL without a password.
    static func problem(_ url: String, allowingPassword: Bool = false) -> String? {
        guard url.hasPrefix("postgresql://") || url.hasPrefix("postgres://") else {
            return "the database url must be a PostgreSQL URL like postgresql://shelf@db.example.com/shop; "
                + "leave [database] out to keep the SQLite file data/shelf.sqlite"
        }
        if !allowingPassword && hasPassword(url) {
            return "the database password is a secret: remove it from the url and put database_password = \"…\" "
                + "in the secrets file (or use a PGPASSFILE)"
        }
        return nil
    }

    /// True when the URL carries a password, as `user:password@` or as a `password=` parameter.
    static func hasPassword(_ url: String) -> Bool {
        let rest = url.drop { $0 != ":" }.dropFirst(3)
        let authority = rest.prefix { $0 != "/" && $0 != "?" }
        if let at = authority.lastIndex(of: "@"), authority[..<at].contains(":") { return true }
        let query = rest.drop { $0 != "?" }.dropFirst()
        return query.split(separator: "&").contains { $0.lowercased().hasPrefix("password=") }
    }
}

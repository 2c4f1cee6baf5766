extension Store {
    /// The database the analytics events, salts and rollups live in: on SQLite a file of their
    /// own beside the store's (see ``AnalyticsConnection``), else the store's database.
    func analyticsDatabase() throws -> any Database {
        try analyticsConnection.database()
    }
}

import Foundation

/// Where a store's analytics live, opened on first use: on SQLite a database file of its own
/// beside the store's, so that a flood of beacons queues on that file's write lock and never on
/// the one checkout takes; on PostgreSQL (and in memory) the store's own database, whose rows
/// are locked one by one and never the whole database.
final class AnalyticsConnection: @unchecked Sendable {
    /// The events file, or nil when the analytics share the store's database.
    let path: String?
    private let store: any Database
    private let lock = NSLock()
    // Guarded by `lock`.
    private var opened: (any Database)?

    init(path: String?, store: any Database) {
        self.path = path
        self.store = store
    }

    /// The analytics database: the first call opens the file (creating it, 0600, beside the
    /// store's), brings its schema up to date and moves in any events the store's database
    /// still holds from before the analytics had a file of their own.
    func database() throws -> any Database {
        lock.lock()
        defer { lock.unlock() }
        if let opened { return opened }
        guard let path else {
            opened = store
            return store
        }
        try DatabaseFiles(path).createIfNeeded()
        let events = try SQLiteDatabase(path: path)
        _ = try events.migrate(Migration.analyticsFile)
        try AnalyticsMove(from: store, to: events).run()
        opened = events
        return events
    }

    /// The events file's connection, if it was opened; nil when the analytics share the store's
    /// database, which is the store's to close.
    var openedFile: SQLiteDatabase? {
        lock.lock()
        defer { lock.unlock() }
        return path == nil ? nil : opened as? SQLiteDatabase
    }
}

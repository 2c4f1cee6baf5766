/// Requests answered together in one transaction.
///
/// A busy FastCGI process finds several requests waiting. Answering them in one transaction
/// takes the database's locks once and commits once for all of them, where each would take and
/// commit its own; on SQLite with several processes, it also refills the page cache once after
/// another process wrote, not once a request. Each request's own transactions stay atomic, as
/// savepoints: one that fails is rolled back alone.
extension Store {
    /// Whether ``grouped(writing:_:)`` shares one transaction: on SQLite. PostgreSQL's
    /// transactions are not per process, and each of a group's requests would hold its row
    /// locks until the last one is done, so it runs them one by one.
    public var groupsRequests: Bool { database is SQLiteDatabase }

    /// Runs `body`, which answers a group of requests one after another, in one transaction
    /// (see the type's summary); `writing` when any of them may write. A group that only reads
    /// is one snapshot and must not write: a transaction in it throws.
    ///
    /// Throws when the group as a whole could not be committed (a full disk, an I/O error):
    /// then none of its requests' changes were made, and none of their answers may be sent.
    public func grouped<T>(writing: Bool, _ body: () throws -> T) throws -> T {
        guard let database = database as? SQLiteDatabase else { return try body() }
        return try database.grouped(writing: writing, body)
    }
}

/// A connection to a SQL database: the one seam between the store's SQL and an engine.
///
/// Statements are plain, portable SQL with `?` placeholders; values travel only as arguments,
/// never inside the SQL text. Two drivers implement the three requirements, ``SQLiteDatabase``
/// and ``PostgresDatabase``; ``Dialect`` holds what differs.
///
/// ```swift
/// try database.transaction {
///     try database.execute("UPDATE stock SET on_hand = ? WHERE sku = ?", [.int(3), .text("TEE-M")])
/// }
/// ```
protocol Database: AnyObject, Sendable {
    /// The SQL differences of this engine.
    var dialect: Dialect { get }

    /// Runs one statement and returns how many rows an INSERT, UPDATE or DELETE changed.
    @discardableResult
    func execute(_ sql: String, _ arguments: [SQLValue]) throws -> Int

    /// Runs one statement and returns every row it produced.
    func query(_ sql: String, _ arguments: [SQLValue]) throws -> [Row]

    /// Runs `body` in a transaction that may write, committing when it returns and rolling back
    /// when it throws. SQLite takes the write lock up front, so a busy database waits (and is
    /// retried) at the start instead of failing half-way; PostgreSQL runs the body again after a
    /// serialization failure or a deadlock.
    func transaction<T>(_ body: () throws -> T) throws -> T

    /// Runs `body` in a read-only transaction that sees the database as one consistent snapshot,
    /// however much other connections write meanwhile (and without holding them up): SQLite's
    /// read transaction in WAL mode, PostgreSQL's REPEATABLE READ.
    func snapshot<T>(_ body: () throws -> T) throws -> T

    /// Runs the reads of `body` together, as cheaply as the engine allows: SQLite in one read
    /// transaction (one lock taken and released, where each statement alone takes its own),
    /// PostgreSQL one statement at a time as outside it (a transaction would cost two more
    /// round trips). No snapshot is promised; inside a transaction `body` simply joins it.
    /// `body` only reads: a busy database may make it run again.
    func read<T>(_ body: () throws -> T) throws -> T
}

extension Database {
    /// Runs one statement without arguments.
    @discardableResult
    func execute(_ sql: String) throws -> Int {
        try execute(sql, [])
    }

    /// Runs one query without arguments.
    func query(_ sql: String) throws -> [Row] {
        try query(sql, [])
    }
}

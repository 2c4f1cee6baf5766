import CSQLite
import Foundation

/// The SQLite driver: one connection to one database file, set up as the design asks
/// (WAL, a 5 s wait for locks, foreign keys on, `synchronous = NORMAL`).
///
/// Safe to share between threads: every use of the connection happens under one recursive
/// lock, so calls from several threads run one after another, and a transaction holds the lock
/// from `BEGIN` to `COMMIT`. For writers in parallel, open one connection per thread or process;
/// SQLite then queues them at `BEGIN IMMEDIATE`.
final class SQLiteDatabase: Database, @unchecked Sendable {
    /// How many more times a busy statement or `BEGIN` is tried after SQLite's own wait.
    static let busyRetries = 5
    /// Write transactions after which a connection counts as long-lived and checkpoints the WAL
    /// every `longLivedCheckpointPages` pages instead of every 64 (see ``Dialect/sqlite``).
    static let longLivedCommits = 64
    /// SQLite's own default.
    static let longLivedCheckpointPages = 1000
    /// Prepared statements kept per connection; past this the cache starts again from empty.
    static let statementCacheLimit = 128

    /// A WAL at least this long (64 frames of 4 KiB pages, the checkpoint interval) is folded
    /// into the file and deleted by ``closeIfLogIsLong()``.
    static let longLogBytes = 32 + 64 * (24 + 4096)

    let dialect = Dialect.sqlite
    /// The database file, `":memory:"` for a private one.
    private let path: String
    private let connection: OpaquePointer
    /// When the connection started waiting for the lock it waits for now (``SQLiteLockWait``),
    /// written by the busy handler on its first call for that lock.
    private let lockWaitStarted: UnsafeMutablePointer<UInt64>
    private let lock = NSRecursiveLock()
    // The two properties below are guarded by `lock`.
    private var statements: [SQLiteStatementKey: SQLiteStatement] = [:]
    private var isInTransaction = false
    /// The group of requests running in one transaction, while one does (``grouped(writing:_:)``).
    private var group: RequestGroup?
    /// Write transactions this connection has committed, counted up to `longLivedCommits`.
    private var commits = 0
    /// True once ``close()`` has closed the connection: every later use throws.
    private var isClosed = false

    /// Opens (creating if needed) the database at `path`; `":memory:"` gives a private in-memory one.
    init(path: String) throws {
        _ = Self.configureSQLite
        self.path = path
        var handle: OpaquePointer?
        let flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX
        let result = sqlite3_open_v2(path, &handle, flags, nil)
        guard result == SQLITE_OK, let handle else {
            let message = handle.map { String(cString: sqlite3_errmsg($0)) } ?? "out of memory"
            sqlite3_close_v2(handle)
            throw DatabaseError(message: "cannot open \(path): \(message)", code: result)
        }
        connection = handle
        sqlite3_extended_result_codes(handle, 1)
        // Set before the pragmas: switching to WAL may itself meet a lock held by another process.
        // Not sqlite3_busy_timeout: its sleeps grow to 100 ms, while a cart's write transaction
        // holds the lock for some tens of microseconds, so two functions writing at once would
        // wait many times longer than the work takes.
        lockWaitStarted = .allocate(capacity: 1)
        lockWaitStarted.initialize(to: 0)
        sqlite3_busy_handler(
            handle,
            { started, attempt in
                guard let started = started?.assumingMemoryBound(to: UInt64.self) else { return 0 }
                let now = SQLiteLockWait.now()
                if attempt == 0 { started.pointee = now }
                return SQLiteLockWait().wait(afterWaiting: now - started.pointee) ? 1 : 0
            }, lockWaitStarted)
        for statement in dialect.connectionSetup {
            _ = try query(statement, [])
        }
    }

    /// Process-wide settings SQLite takes only before its first connection. Memory statistics
    /// are off: the store never asks for them, and keeping them takes a global mutex around
    /// every allocation SQLite makes (2–3 % of a cart request's samples).
    private static let configureSQLite: Void = {
        _ = shelf_sqlite3_disable_memory_statistics()
    }()

    deinit {
        close()
        lockWaitStarted.deallocate()
    }

    /// Closes the connection, its statements first. The last connection to close checkpoints
    /// the WAL and deletes it. Any use after this throws.
    func close() {
        lock.lock()
        defer { lock.unlock() }
        guard !isClosed else { return }
        isClosed = true
        statements.removeAll()
        sqlite3_close_v2(connection)
    }

    /// ``close()`` when the file's WAL has grown to ``longLogBytes``, for a process about to exit;
    /// otherwise nothing, and the process leaves it as it is.
    ///
    /// A process that exits with its connection open leaves the WAL behind, and the next one
    /// to open the file alone rebuilds the log's index from every frame since the log last
    /// started over. It starts over only when a writer follows a complete checkpoint in the
    /// same process, so under CGI, where most requests write once, it never did: it grew with
    /// every request, and each process read all of it (6.7 MB, 1,669 reads, for one add). A
    /// close on every exit costs a checkpoint and its syncs each time (about 4 ms a CGI add
    /// here); closing only a long log keeps what the next process reads under 64 frames for
    /// one checkpoint every dozen requests or so.
    func closeIfLogIsLong() {
        var log = stat()
        guard stat(path + "-wal", &log) == 0, log.st_size >= Self.longLogBytes else { return }
        close()
    }

    func execute(_ sql: String, _ arguments: [SQLValue]) throws -> Int {
        try withConnection {
            _ = try statement(sql).rows(binding: arguments)
            return Int(sqlite3_changes(connection))
        }
    }

    func query(_ sql: String, _ arguments: [SQLValue]) throws -> [Row] {
        try withConnection {
            try statement(sql).rows(binding: arguments)
        }
    }

    func transaction<T>(_ body: () throws -> T) throws -> T {
        lock.lock()
        defer { lock.unlock() }
        if group != nil { return try inSavepoint(body) }
        let value = try inTransaction(beginning: dialect.beginWriteTransaction, body)
        countCommit()
        return value
    }

    /// Counts a committed write transaction. A connection that has committed `longLivedCommits`
    /// of them (a FastCGI responder, `shelf serve`, a build) checkpoints less often: while it is
    /// open the WAL index stays in shared memory, so no process opening the database rebuilds it
    /// from the log, and each checkpoint syncs the log and the database on the request that
    /// crosses the mark. A CGI process never commits that many and keeps the short log.
    private func countCommit() {
        guard commits < Self.longLivedCommits else { return }
        commits += 1
        guard commits == Self.longLivedCommits else { return }
        // Only a setting of this connection: should it fail, the connection checkpoints as before.
        _ = try? statement("PRAGMA wal_autocheckpoint = \(Self.longLivedCheckpointPages)").rows(binding: [])
    }

    func snapshot<T>(_ body: () throws -> T) throws -> T {
        lock.lock()
        defer { lock.unlock() }
        // A group is one transaction that no other connection writes into meanwhile.
        if group != nil { return try body() }
        // A deferred transaction's snapshot starts at its first read, so one is made at once.
        return try inTransaction(beginning: dialect.beginReadTransaction) {
            _ = try statement("SELECT 1 FROM sqlite_master LIMIT 1").rows(binding: [])
            return try body()
        }
    }

    func read<T>(_ body: () throws -> T) throws -> T {
        lock.lock()
        defer { lock.unlock() }
        if isInTransaction { return try body() }
        // Reads alone are never half done, so a busy answer runs the whole again.
        return try retryingWhenBusy { try inTransaction(beginning: dialect.beginReadTransaction, body) }
    }

    /// Runs `body`, which answers several requests one after another, in one transaction: each
    /// of their transactions becomes a savepoint inside it, rolled back alone when it throws,
    /// and all of them are committed together when `body` returns. A writing group takes the
    /// write lock up front, as a transaction does; a reading one is a snapshot and must not write.
    ///
    /// Throws when the group could not be committed as a whole: SQLite rolled all of it back
    /// (a full disk, an I/O error) or the commit failed. Then none of its changes were made.
    func grouped<T>(writing: Bool, _ body: () throws -> T) throws -> T {
        lock.lock()
        defer { lock.unlock() }
        group = RequestGroup(writing: writing)
        defer { group = nil }
        let value = try inTransaction(beginning: writing ? dialect.beginWriteTransaction : dialect.beginReadTransaction) {
            if !writing { _ = try statement("SELECT 1 FROM sqlite_master LIMIT 1").rows(binding: []) }
            let value = try body()
            if let failure = group?.failure { throw failure }
            return value
        }
        if writing { countCommit() }
        return value
    }

    /// A transaction inside a group: a savepoint, released when `body` returns and rolled back
    /// when it throws. A failure that ended the whole transaction breaks the group.
    private func inSavepoint<T>(_ body: () throws -> T) throws -> T {
        // After a failure that ended the group's transaction, a statement would run on its own.
        if let failure = group?.failure { throw failure }
        guard group?.writing == true, group?.inSavepoint == false else {
            throw DatabaseError(
                message: group?.writing == true
                    ? "a transaction is already open on this connection; transactions do not nest"
                    : "a reading group of requests cannot write")
        }
        _ = try statement("SAVEPOINT request").rows(binding: [])
        group?.inSavepoint = true
        defer { group?.inSavepoint = false }
        do {
            let value = try body()
            _ = try statement("RELEASE request").rows(binding: [])
            return value
        } catch {
            // A savepoint that cannot be rolled back would leave its changes in the group: then
            // the whole group fails, as when SQLite has already ended its transaction.
            if sqlite3_get_autocommit(connection) == 0, (try? statement("ROLLBACK TO request").rows(binding: [])) != nil {
                _ = try? statement("RELEASE request").rows(binding: [])
            } else {
                group?.failure = error
            }
            throw error
        }
    }

    private func inTransaction<T>(beginning begin: String, _ body: () throws -> T) throws -> T {
        lock.lock()
        defer { lock.unlock() }
        guard !isInTransaction else {
            throw DatabaseError(message: "a transaction is already open on this connection; transactions do not nest")
        }
        try retryingWhenBusy { _ = try statement(begin).rows(binding: []) }
        isInTransaction = true
        defer { isInTransaction = false }
        do {
            let value = try body()
            _ = try statement("COMMIT").rows(binding: [])
            return value
        } catch {
            // SQLite has already rolled back after some errors (a full disk, for one).
            if sqlite3_get_autocommit(connection) == 0 {
                _ = try? statement("ROLLBACK").rows(binding: [])
            }
            throw error
        }
    }

    /// Runs `work` under the lock; outside a transaction a busy answer is retried, inside one it
    /// is thrown, since the transaction as a whole must then be rolled back.
    private func withConnection<T>(_ work: () throws -> T) throws -> T {
        lock.lock()
        defer { lock.unlock() }
        return isInTransaction ? try work() : try retryingWhenBusy(work)
    }

    private func retryingWhenBusy<T>(_ work: () throws -> T) throws -> T {
        var attempt = 0
        while true {
            do {
                return try work()
            } catch let error as DatabaseError where error.code & 0xFF == SQLITE_BUSY && attempt < Self.busyRetries {
                attempt += 1
                Thread.sleep(forTimeInterval: 0.01 * Double(attempt * attempt))
            }
        }
    }

    /// The prepared statement for `sql`, from the cache when it has been used before.
    private func statement(_ sql: String) throws -> SQLiteStatement {
        guard !isClosed else { throw DatabaseError(message: "the database connection is closed", sql: sql) }
        let key = SQLiteStatementKey(sql: sql)
        if let cached = statements[key] {
            return cached
        }
        let prepared = try SQLiteStatement(sql, connection: connection)
        if statements.count >= Self.statementCacheLimit {
            statements.removeAll()
        }
        statements[key] = prepared
        return prepared
    }
}

/// What a connection knows of the group of requests it runs in one transaction.
private struct RequestGroup {
    /// Whether the group took the write lock.
    let writing: Bool
    /// Whether one of its requests' transactions is open now.
    var inSavepoint = false
    /// The error that ended the whole transaction, if one did: the group cannot be committed.
    var failure: (any Error)?
}

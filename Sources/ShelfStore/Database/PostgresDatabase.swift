import CPostgreSQL
import Foundation

/// The PostgreSQL driver: one libpq connection, synchronous, with every statement prepared once
/// per SQL text and its arguments always bound, never spliced into the text.
///
/// A CGI process opens one connection per request; a FastCGI process keeps its connection and,
/// when the server closed it (a restart, `pg_terminate_backend`), opens a new one before the next
/// statement. A statement that was sent on a connection which then broke is never sent again, since
/// it may have run: its error reaches the caller as a storage failure (the functions answer 503).
///
/// Safe to share between threads in the way ``SQLiteDatabase`` is: calls run one after another
/// under one recursive lock, and a transaction holds the lock from `BEGIN` to `COMMIT`.
final class PostgresDatabase: Database, @unchecked Sendable {
    /// How many times a transaction ends in a serialization failure or a deadlock and is run again.
    static let transactionRetries = 4
    /// Prepared statements kept per connection; past this the cache starts again from empty.
    static let statementCacheLimit = 128
    /// How long connecting may take (libpq's `connect_timeout`) unless the url says otherwise: a
    /// server that accepts the connection but never answers is then a storage failure (a 503
    /// that says to try again) well before the function's own time limit.
    static let connectTimeoutSeconds = 5

    let dialect = Dialect.postgresql
    private let url: String
    private let password: String?
    private let lock = NSRecursiveLock()
    // The properties below are guarded by `lock`.
    private var connection: OpaquePointer?
    private var statements: [String: (name: String, count: Int)] = [:]
    private var statementsPrepared = 0
    private var isInTransaction = false

    /// Connects to the database at `url` (`postgresql://user@host/db`, or a libpq key=value
    /// string). Without `password`, libpq looks in `PGPASSFILE` (or `~/.pgpass`).
    init(url: String, password: String? = nil) throws {
        self.url = url
        self.password = password
        lock.lock()
        defer { lock.unlock() }
        try connect()
    }

    deinit {
        PQfinish(connection)
    }

    @discardableResult
    func execute(_ sql: String, _ arguments: [SQLValue]) throws -> Int {
        try withConnection { try run(sql, arguments).changes }
    }

    func query(_ sql: String, _ arguments: [SQLValue]) throws -> [Row] {
        try withConnection { try run(sql, arguments).rows() }
    }

    /// Runs `body` between `BEGIN` and `COMMIT` at READ COMMITTED, the statements taking the row
    /// locks they need; a serialization failure or deadlock rolls back and runs `body` again, up to
    /// ``transactionRetries`` times, after a short pause that grows with each try.
    func transaction<T>(_ body: () throws -> T) throws -> T {
        lock.lock()
        defer { lock.unlock() }
        guard !isInTransaction else {
            throw DatabaseError(message: "a transaction is already open on this connection; transactions do not nest")
        }
        var attempt = 0
        while true {
            do {
                return try once(body)
            } catch let error as DatabaseError where error.isRetryableTransactionFailure && attempt < Self.transactionRetries {
                attempt += 1
                Thread.sleep(forTimeInterval: 0.001 * Double(attempt * attempt) * Double.random(in: 1...2))
            }
        }
    }

    func snapshot<T>(_ body: () throws -> T) throws -> T {
        lock.lock()
        defer { lock.unlock() }
        guard !isInTransaction else {
            throw DatabaseError(message: "a transaction is already open on this connection; transactions do not nest")
        }
        return try once(beginning: dialect.beginReadTransaction, body)
    }

    func read<T>(_ body: () throws -> T) throws -> T {
        try body()
    }

    private func once<T>(beginning begin: String? = nil, _ body: () throws -> T) throws -> T {
        try reconnectIfClosed()
        _ = try run(begin ?? dialect.beginWriteTransaction, [])
        isInTransaction = true
        defer { isInTransaction = false }
        do {
            let value = try body()
            _ = try run("COMMIT", [])
            return value
        } catch {
            if let connection, PQtransactionStatus(connection) != PQTRANS_IDLE {
                _ = try? run("ROLLBACK", [])
            }
            throw error
        }
    }

    /// Runs `work` under the lock, on a live connection when outside a transaction.
    private func withConnection<T>(_ work: () throws -> T) throws -> T {
        lock.lock()
        defer { lock.unlock() }
        if !isInTransaction { try reconnectIfClosed() }
        return try work()
    }

    /// Prepares `sql` on first use, then executes it with `arguments` bound as text, which the
    /// server reads as the type each placeholder has in the statement.
    private func run(_ sql: String, _ arguments: [SQLValue]) throws -> PostgresResult {
        guard let connection else { throw DatabaseError(postgresMessage: "not connected", sqlState: nil, sql: sql) }
        let statement = try prepared(sql, on: connection)
        guard arguments.count == statement.count else {
            throw DatabaseError(
                message: "the statement has \(statement.count) placeholders but \(arguments.count) arguments were given", sql: sql)
        }
        // libpq reads each value up to its first NUL, which PostgreSQL's text cannot hold either:
        // refused, so that "TEE-M\0X" never reaches the server as "TEE-M".
        if arguments.contains(where: { if case .text(let value) = $0 { value.utf8.contains(0) } else { false } }) {
            throw DatabaseError(message: "a text value contains a NUL character, which PostgreSQL cannot store", sql: sql)
        }
        let texts: [String?] = arguments.map {
            switch $0 {
            case .null: nil
            case .integer(let value): String(value)
            case .text(let value): value
            }
        }
        let copies = texts.map { $0.flatMap { strdup($0) } }
        defer { copies.forEach { free($0) } }
        let values = copies.map { UnsafePointer($0) }
        let handle = PQexecPrepared(connection, statement.name, Int32(values.count), values, nil, nil, 0)
        return try PostgresResult(handle, connection: connection, sql: sql)
    }

    /// The name of the prepared statement for `sql`, preparing it when it is new.
    private func prepared(_ sql: String, on connection: OpaquePointer) throws -> (name: String, count: Int) {
        if let cached = statements[sql] { return cached }
        if statements.count >= Self.statementCacheLimit {
            _ = try PostgresResult(PQexec(connection, "DEALLOCATE ALL"), connection: connection, sql: "DEALLOCATE ALL")
            statements.removeAll()
        }
        let placeholders = PostgresPlaceholders(sql)
        statementsPrepared += 1
        let name = "shelf_\(statementsPrepared)"
        _ = try PostgresResult(PQprepare(connection, name, placeholders.sql, 0, nil), connection: connection, sql: sql)
        statements[sql] = (name, placeholders.count)
        return (name, placeholders.count)
    }

    /// Opens a new connection when there is none or the server closed it.
    private func reconnectIfClosed() throws {
        if let connection {
            if isOpen(connection) { return }
            PQfinish(connection)
            self.connection = nil
        }
        try connect()
    }

    /// False when the server closed the idle `connection`, or is closing it. An idle connection
    /// has nothing to read unless the server spoke first, and what a server says unasked is that
    /// it is terminating the backend (an error, then the close): the connection is given up then,
    /// without sending anything on it.
    private func isOpen(_ connection: OpaquePointer) -> Bool {
        var socket = pollfd(fd: PQsocket(connection), events: Int16(POLLIN), revents: 0)
        return PQstatus(connection) == CONNECTION_OK && poll(&socket, 1, 0) == 0
    }

    private func connect() throws {
        statements.removeAll()
        // libpq reads the keywords in order, so the url's own connect_timeout wins over ours.
        var keywords = ["connect_timeout", "dbname"]
        var values = [String(Self.connectTimeoutSeconds), url]
        if let password {
            keywords.append("password")
            values.append(password)
        }
        let keywordCopies = keywords.map { strdup($0) } + [nil]
        let valueCopies = values.map { strdup($0) } + [nil]
        defer { (keywordCopies + valueCopies).forEach { free($0) } }
        let handle = PQconnectdbParams(keywordCopies.map { UnsafePointer($0) }, valueCopies.map { UnsafePointer($0) }, 1)
        guard let handle, PQstatus(handle) == CONNECTION_OK else {
            let message = handle.map { PostgresResult.message(of: $0) } ?? "out of memory"
            PQfinish(handle)
            throw DatabaseError(postgresMessage: "cannot connect to PostgreSQL: \(message)", sqlState: "08001", sql: nil)
        }
        // libpq prints notices ("relation already exists, skipping") to stderr by default.
        PQsetNoticeProcessor(handle, { _, _ in }, nil)
        connection = handle
        for statement in dialect.connectionSetup {
            _ = try run(statement, [])
        }
    }
}

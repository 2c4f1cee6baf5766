import ShelfTesting
import Testing

@testable import ShelfStore

/// The PostgreSQL driver against the test cluster (`SHELF_TEST_POSTGRES_URL`, which `make test`
/// sets), each test in a schema of its own.
@Suite(.enabled(if: TestDatabase.clusterURL != nil, "needs the test cluster: SHELF_TEST_POSTGRES_URL"))
struct PostgresDatabaseTests {
    @Test func valuesRoundTripByColumnType() throws {
        try withTemporaryPostgresSchema { url in
            let database = try PostgresDatabase(url: url)
            try database.execute("CREATE TABLE t (small SMALLINT, whole INTEGER, big BIGINT, words TEXT, short VARCHAR(9), flag BOOLEAN)")
            let text = "Grüße, \"quotes\" and 'apostrophes'; DROP TABLE t; -- ?"
            try database.execute(
                "INSERT INTO t VALUES (?, ?, ?, ?, ?, ?)",
                [.int(-7), .int(2_000_000_000), .integer(Int64.min), .text(text), .null, .bool(true)])
            let row = try #require(try database.query("SELECT * FROM t").first)
            #expect(row.values == [.integer(-7), .integer(2_000_000_000), .integer(Int64.min), .text(text), .null, .integer(1)])
            // SUM of a BIGINT is numeric; a comparison is a boolean.
            let sums = try #require(try database.query("SELECT SUM(big + 1) AS total, MAX(whole) > 0 AS positive FROM t").first)
            #expect(sums.values == [.integer(Int64.min + 1), .integer(1)])
        }
    }

    @Test func realNumbersAndBytesAreRefusedAsOnSQLite() throws {
        try withTemporaryPostgresSchema { url in
            let database = try PostgresDatabase(url: url)
            #expect(throws: DatabaseError.self) { try database.query("SELECT 1.5::float8 AS x") }
            #expect(throws: DatabaseError.self) { try database.query("SELECT '\\x00'::bytea AS x") }
        }
    }

    @Test func aQuestionMarkInALiteralIsNotAnArgument() throws {
        try withTemporaryPostgresSchema { url in
            let database = try PostgresDatabase(url: url)
            let row = try #require(try database.query("SELECT 'why?' AS a, ? AS b", [.text("because")]).first)
            #expect(try row.text("a") == "why?" && row.text("b") == "because")
            #expect(throws: DatabaseError.self) { try database.query("SELECT ? AS a, ? AS b", [.int(1)]) }
        }
    }

    @Test func constraintViolationsMapToSQLitesConstraintCode() throws {
        try withTemporaryPostgresSchema { url in
            let database = try PostgresDatabase(url: url)
            try database.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, n INTEGER NOT NULL CHECK (n >= 0))")
            try database.execute("INSERT INTO t VALUES (1, 1)")
            let duplicate = #expect(throws: DatabaseError.self) { try database.execute("INSERT INTO t VALUES (1, 2)") }
            #expect(duplicate?.sqlState == "23505")
            #expect(duplicate?.isConstraintViolation == true && duplicate?.isStorageFailure == false)
            #expect(duplicate?.message.hasPrefix("duplicate key value violates unique constraint") == true)
            let negative = #expect(throws: DatabaseError.self) { try database.execute("INSERT INTO t VALUES (2, -1)") }
            #expect(negative?.isConstraintViolation == true)
            let typo = #expect(throws: DatabaseError.self) { try database.execute("INSERT INTO nowhere VALUES (1)") }
            #expect(typo?.isConstraintViolation == false && typo?.isStorageFailure == false)
            #expect(typo?.description == "database error: relation \"nowhere\" does not exist (in INSERT INTO nowhere VALUES (1))")
        }
    }

    @Test func severalStatementsInOneStringAreRefused() throws {
        try withTemporaryPostgresSchema { url in
            let database = try PostgresDatabase(url: url)
            #expect(throws: DatabaseError.self) { try database.execute("CREATE TABLE a (x INTEGER); CREATE TABLE b (y INTEGER)") }
            #expect(try database.query("SELECT tablename FROM pg_tables WHERE schemaname = current_schema()").isEmpty)
        }
    }

    @Test func aTransactionRollsBackWhenItsBodyThrows() throws {
        struct Refusal: Error {}
        try withTemporaryPostgresSchema { url in
            let database = try PostgresDatabase(url: url)
            try database.execute("CREATE TABLE t (x INTEGER)")
            #expect(throws: Refusal.self) {
                try database.transaction {
                    try database.execute("INSERT INTO t (x) VALUES (1)")
                    throw Refusal()
                }
            }
            _ = try database.transaction { try database.execute("INSERT INTO t (x) VALUES (2)") }
            #expect(try database.query("SELECT x FROM t").map { try $0.int("x") } == [2])
            #expect(throws: DatabaseError.self) { try database.transaction { try database.transaction {} } }
        }
    }

    @Test func aSerializationFailureRunsTheWholeTransactionAgain() throws {
        try withTemporaryPostgresSchema { url in
            let database = try PostgresDatabase(url: url)
            try database.execute("CREATE TABLE t (x INTEGER)")
            var attempts = 0
            try database.transaction {
                attempts += 1
                try database.execute("INSERT INTO t (x) VALUES (?)", [.int(attempts)])
                if attempts == 1 { try database.execute(Self.failing("serialization_failure")) }
            }
            #expect(attempts == 2)
            // The first attempt's row was rolled back with it.
            #expect(try database.query("SELECT x FROM t").map { try $0.int("x") } == [2])
        }
    }

    @Test func aDeadlockThatNeverClearsGivesUpAfterTheRetries() throws {
        try withTemporaryPostgresSchema { url in
            let database = try PostgresDatabase(url: url)
            var attempts = 0
            let error = #expect(throws: DatabaseError.self) {
                try database.transaction {
                    attempts += 1
                    try database.execute(Self.failing("deadlock_detected"))
                }
            }
            #expect(attempts == PostgresDatabase.transactionRetries + 1)
            #expect(error?.sqlState == "40P01" && error?.isStorageFailure == true)
        }
    }

    @Test func aConnectionTheServerClosedIsReplacedBeforeTheNextStatement() throws {
        try withTemporaryPostgresSchema { url in
            let database = try PostgresDatabase(url: url)
            let other = try PostgresDatabase(url: url)
            let pid = try #require(try database.query("SELECT pg_backend_pid() AS pid").first).int64("pid")
            let killed = try #require(try other.query("SELECT pg_terminate_backend(?) AS done", [.integer(pid)]).first)
            #expect(try killed.bool("done"))
            // pg_terminate_backend returns once the signal is sent; wait for the backend to go.
            while try !other.query("SELECT 1 AS x FROM pg_stat_activity WHERE pid = ?", [.integer(pid)]).isEmpty {}
            let again = try #require(try database.query("SELECT pg_backend_pid() AS pid").first).int64("pid")
            #expect(again != pid)
            _ = try database.transaction { try database.query("SELECT 1 AS x") }
        }
    }

    @Test func aServerThatCannotBeReachedIsAStorageFailure() throws {
        let error = #expect(throws: DatabaseError.self) {
            _ = try PostgresDatabase(url: "postgresql://nobody@/nothing?host=/nonexistent-folder")
        }
        #expect(error?.isStorageFailure == true)
    }

    /// A statement that fails with the named condition, as the server would report it.
    private static func failing(_ condition: String) -> String {
        "DO $$ BEGIN RAISE EXCEPTION 'forced by the test' USING ERRCODE = '\(condition)'; END $$"
    }
}

import Foundation
import ShelfTesting
import Testing

@testable import ShelfStore

struct SQLiteDatabaseTests {
    @Test(.enabled(if: !TestDatabase.isPostgreSQL, "SQLite's pragmas")) func walAndForeignKeysAreOn() throws {
        try withTemporaryStore { store in
            let settings = try ["journal_mode", "foreign_keys", "synchronous", "wal_autocheckpoint"].map { pragma in
                try store.database.query("PRAGMA \(pragma)").first?.values.first
            }
            // synchronous = 1 is NORMAL. The busy timeout is SQLiteLockWait, which PRAGMA
            // busy_timeout does not show.
            #expect(settings == [.text("wal"), .integer(1), .integer(1), .integer(64)])
        }
    }

    @Test func aConnectionThatHasCommittedManyWritesCheckpointsLessOften() throws {
        try withTemporaryDirectory { directory in
            let database = try SQLiteDatabase(path: directory.file("long-lived.db"))
            func checkpointPages() throws -> SQLValue? { try database.query("PRAGMA wal_autocheckpoint").first?.values.first }
            try database.execute("CREATE TABLE t (x INTEGER)")
            for commit in 1...SQLiteDatabase.longLivedCommits {
                #expect(try checkpointPages() == .integer(64))
                _ = try database.transaction { try database.execute("INSERT INTO t (x) VALUES (?)", [.int(commit)]) }
            }
            #expect(try checkpointPages() == .integer(1000))
            // A read-only connection's transactions are not writes.
            let reader = try SQLiteDatabase(path: directory.file("long-lived.db"))
            for _ in 1...SQLiteDatabase.longLivedCommits { _ = try reader.read { try reader.query("SELECT x FROM t") } }
            #expect(try reader.query("PRAGMA wal_autocheckpoint").first?.values.first == .integer(64))
        }
    }

    @Test func theLastConnectionToCloseDeletesTheLogAndAClosedOneRefusesWork() throws {
        try withTemporaryDirectory { directory in
            let path = directory.file("closing.db")
            let database = try SQLiteDatabase(path: path)
            try database.execute("CREATE TABLE t (x INTEGER)")
            let other = try SQLiteDatabase(path: path)
            _ = try database.transaction { try database.execute("INSERT INTO t (x) VALUES (1)") }
            #expect(FileManager.default.fileExists(atPath: path + "-wal"))
            // Another connection is open: the log stays for it.
            database.close()
            #expect(FileManager.default.fileExists(atPath: path + "-wal"))
            #expect(throws: DatabaseError.self) { try database.query("SELECT x FROM t") }
            database.close()
            // The last one checkpoints it into the file and deletes it; nothing is lost.
            other.close()
            #expect(!FileManager.default.fileExists(atPath: path + "-wal"))
            let reopened = try SQLiteDatabase(path: path)
            #expect(try reopened.query("SELECT x FROM t").map { try $0.int("x") } == [1])
        }
    }

    @Test func onlyALongLogIsClosedAway() throws {
        try withTemporaryDirectory { directory in
            let path = directory.file("exiting.db")
            let database = try SQLiteDatabase(path: path)
            try database.execute("CREATE TABLE t (x TEXT)")
            func logBytes() throws -> Int { try FileManager.default.attributesOfItem(atPath: path + "-wal")[.size] as? Int ?? 0 }
            // A short log stays: the connection is still open.
            database.closeIfLogIsLong()
            _ = try database.query("SELECT x FROM t")
            // Each row takes a page of its own, so 64 commits make a log of 64 frames and more.
            let page = String(repeating: "x", count: 3000)
            for _ in 1...64 { _ = try database.transaction { try database.execute("INSERT INTO t (x) VALUES (?)", [.text(page)]) } }
            #expect(try logBytes() >= SQLiteDatabase.longLogBytes)
            database.closeIfLogIsLong()
            #expect(throws: DatabaseError.self) { try database.query("SELECT x FROM t") }
            #expect(!FileManager.default.fileExists(atPath: path + "-wal"))
            #expect(try SQLiteDatabase(path: path).query("SELECT COUNT(*) AS n FROM t").first?.int("n") == 64)
        }
    }

    @Test func schemaRefusesNegativeStock() throws {
        try withTemporaryStore { store in
            try store.syncCatalogue([.sample("tee", skus: ["TEE-M"])], categories: [])
            let error = #expect(throws: DatabaseError.self) {
                try store.database.execute("UPDATE stock SET on_hand = ? WHERE sku = ?", [.int(-1), .text("TEE-M")])
            }
            #expect(error?.isConstraintViolation == true)
            #expect(try store.stockLevels(for: ["TEE-M"]) == ["TEE-M": 0])
        }
    }

    @Test func schemaRefusesStockForAnUnknownVariant() throws {
        try withTemporaryStore { store in
            let error = #expect(throws: DatabaseError.self) {
                try store.database.execute("INSERT INTO stock (sku, on_hand, version) VALUES (?, 1, 1)", [.text("NOPE")])
            }
            #expect(error?.isConstraintViolation == true)
        }
    }

    @Test func schemaRefusesNegativePrices() throws {
        try withTemporaryStore { store in
            #expect(throws: DatabaseError.self) {
                try store.syncCatalogue([.sample("tee", price: -1)], categories: [])
            }
        }
    }

    @Test func errorsCarryTheMessageAndTheStatement() throws {
        let database = try SQLiteDatabase(path: ":memory:")
        let error = #expect(throws: DatabaseError.self) {
            try database.query("SELECT * FROM nowhere")
        }
        #expect(error?.message == "no such table: nowhere")
        #expect(error?.description == "database error: no such table: nowhere (in SELECT * FROM nowhere)")
    }

    @Test func severalStatementsInOneStringAreRefused() throws {
        let database = try SQLiteDatabase(path: ":memory:")
        #expect(throws: DatabaseError.self) {
            try database.execute("CREATE TABLE a (x INTEGER); CREATE TABLE b (y INTEGER)")
        }
        #expect(try database.query("SELECT name FROM sqlite_master").isEmpty)
    }

    @Test func placeholdersAndArgumentsMustMatch() throws {
        let database = try SQLiteDatabase(path: ":memory:")
        #expect(throws: DatabaseError.self) {
            try database.query("SELECT ? AS a, ? AS b", [.int(1)])
        }
    }

    @Test func valuesRoundTripThroughPlaceholders() throws {
        let database = try SQLiteDatabase(path: ":memory:")
        let text = "Grüße, \"quotes\" and 'apostrophes'; DROP TABLE x; --"
        let row = try #require(
            try database.query("SELECT ? AS t, ? AS i, ? AS n, ? AS b", [.text(text), .integer(Int64.max), .null, .bool(true)]).first)
        #expect(try row.text("t") == text)
        #expect(try row.int64("i") == Int64.max)
        #expect(try row.optionalText("n") == nil)
        #expect(try row.bool("b"))
    }

    @Test func transactionRollsBackWhenItsBodyThrows() throws {
        struct Refusal: Error {}
        let database = try SQLiteDatabase(path: ":memory:")
        try database.execute("CREATE TABLE t (x INTEGER)")
        #expect(throws: Refusal.self) {
            try database.transaction {
                try database.execute("INSERT INTO t (x) VALUES (1)")
                throw Refusal()
            }
        }
        #expect(try database.query("SELECT x FROM t").isEmpty)
        _ = try database.transaction { try database.execute("INSERT INTO t (x) VALUES (2)") }
        #expect(try database.query("SELECT x FROM t").map { try $0.int("x") } == [2])
    }

    @Test func transactionsDoNotNest() throws {
        let database = try SQLiteDatabase(path: ":memory:")
        #expect(throws: DatabaseError.self) {
            try database.transaction { try database.transaction {} }
        }
    }
}

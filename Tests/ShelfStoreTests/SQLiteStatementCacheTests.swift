import Testing

@testable import ShelfStore

/// The connection's prepared statements, found again by their SQL.
struct SQLiteStatementCacheTests {
    @Test func textsDifferingOnlyWhereTheKeyDoesNotLookGetTheirOwnStatements() throws {
        let database = try SQLiteDatabase(path: ":memory:")
        // The same length, middle and end: only the hash's samples agree, not the statements.
        let one = "SELECT 1 AS v, 'the same long padding at the end' AS p"
        let two = "SELECT 2 AS v, 'the same long padding at the end' AS p"
        #expect(SQLiteStatementKey(sql: one).hashValue == SQLiteStatementKey(sql: two).hashValue)
        var answers: [Int] = []
        for sql in [one, two, one, two] {
            answers.append(try database.query(sql)[0].int("v"))
        }
        #expect(answers == [1, 2, 1, 2])
    }

    @Test func equalTextsHashAlikeHoweverTheyWereMade() {
        let literal = "SELECT id FROM sessions WHERE token_hash = ? AND expires_at > ?"
        let built = ["SELECT id FROM sessions", "WHERE token_hash = ? AND expires_at > ?"].joined(separator: " ")
        #expect(SQLiteStatementKey(sql: literal) == SQLiteStatementKey(sql: built))
        #expect(SQLiteStatementKey(sql: literal).hashValue == SQLiteStatementKey(sql: built).hashValue)
        #expect(SQLiteStatementKey(sql: "") == SQLiteStatementKey(sql: String()))
    }

    @Test func aCachedStatementReadsTheColumnsOfAChangedSchema() throws {
        let database = try SQLiteDatabase(path: ":memory:")
        try database.execute("CREATE TABLE t (a INTEGER)")
        try database.execute("INSERT INTO t (a) VALUES (1)")
        #expect(try database.query("SELECT * FROM t")[0].columns == ["a"])
        try database.execute("ALTER TABLE t ADD COLUMN b INTEGER NOT NULL DEFAULT 7")
        let row = try database.query("SELECT * FROM t")[0]
        #expect(row.columns == ["a", "b"])
        #expect(try row.int("b") == 7)
        try database.execute("DROP TABLE t")
        try database.execute("CREATE TABLE t (c TEXT)")
        try database.execute("INSERT INTO t (c) VALUES ('x')")
        #expect(try database.query("SELECT * FROM t")[0].text("c") == "x")
    }

    @Test func statementsStillAnswerAfterTheCacheStartsAgain() throws {
        let database = try SQLiteDatabase(path: ":memory:")
        let count = SQLiteDatabase.statementCacheLimit * 2 + 3
        for round in 0..<2 {
            for value in 0..<count {
                #expect(try database.query("SELECT \(value) + ? AS v", [.int(round)])[0].int("v") == value + round)
            }
        }
        // A transaction that outlives a cache emptied under it still commits.
        try database.execute("CREATE TABLE t (x INTEGER)")
        try database.transaction {
            for value in 0..<count { _ = try database.query("SELECT \(value) AS v") }
            try database.execute("INSERT INTO t (x) VALUES (1)")
        }
        #expect(try database.query("SELECT x FROM t").map { try $0.int("x") } == [1])
    }

    @Test func rowsKeepTheirValuesWhenTheirStatementRunsAgain() throws {
        let database = try SQLiteDatabase(path: ":memory:")
        try database.execute("CREATE TABLE t (x INTEGER, name TEXT)")
        for x in 1...3 { _ = try database.execute("INSERT INTO t (x, name) VALUES (?, ?)", [.int(x), .text("name \(x)")]) }
        let sql = "SELECT x, name FROM t WHERE x >= ? ORDER BY x"
        let first = try database.query(sql, [.int(1)])
        let second = try database.query(sql, [.int(3)])
        try database.execute("UPDATE t SET name = 'changed'")
        #expect(try first.map { try $0.text("name") } == ["name 1", "name 2", "name 3"])
        #expect(try second.map { try $0.int("x") } == [3])
    }
}

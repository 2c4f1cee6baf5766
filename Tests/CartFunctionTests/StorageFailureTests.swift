import ShelfHTTP
import ShelfTesting
import Testing

@testable import ShelfStore

/// A storage failure while a handler runs (a full disk, a failed write) is the machine's, not
/// the shopper's: 503 with Retry-After and a page that says to try again, never a 500.
@Suite struct StorageFailureTests {
    /// A function whose one route fills the store's database until SQLite refuses: a real
    /// SQLITE_FULL from a real database file, capped with `max_page_count` at its size.
    static let filling = Function(
        name: "filling",
        routes: [
            Route(.post, "/fill", body: .accepts([.form, .json], limit: 100)) { _, context in
                let database = try context.store().database
                try database.execute("CREATE TABLE IF NOT EXISTS filler (bytes BLOB NOT NULL)")
                let pages = try database.query("PRAGMA page_count").first?.values.first
                guard case .integer(let count) = pages else { return .html("no page count") }
                _ = try database.query("PRAGMA max_page_count = \(count + 2)")
                for _ in 0..<100 {
                    try database.execute("INSERT INTO filler (bytes) VALUES (zeroblob(8192))")
                }
                return .html("the database never filled up")
            },
            Route(.post, "/disconnect", body: .accepts([.form], limit: 100)) { _, context in
                // The server ends this connection mid-request, as a restart or an administrator would.
                _ = try context.store().database.query("SELECT pg_terminate_backend(pg_backend_pid())")
                return .html("the connection survived")
            },
            Route(.post, "/break", body: .accepts([.form], limit: 100)) { _, context in
                try context.store().database.execute("UPDATE stock SET on_hand = -1")
                return .html("the schema took negative stock")
            },
        ])

    @Test(.enabled(if: !TestDatabase.isPostgreSQL, "fills an SQLite file capped with max_page_count"))
    func aFullDatabaseAnswers503WithRetryAfter() throws {
        try withTemporaryDirectory { directory in
            let cart = try CartFixture(directory)
            let response = try cart.send("POST", "/fill", form: "x=1", function: Self.filling)
            #expect(response.status == 503)
            #expect(response.header("Retry-After") == "30")
            let page = String(decoding: response.body, as: UTF8.self)
            #expect(page.contains("please try again in a minute"))
            #expect(!page.contains("Something went wrong"))
            #expect(response.header("Content-Security-Policy") != nil)
        }
    }

    @Test(.enabled(if: !TestDatabase.isPostgreSQL, "fills an SQLite file capped with max_page_count"))
    func aFullDatabaseAnswersJSONClientsWith503Too() throws {
        try withTemporaryDirectory { directory in
            let cart = try CartFixture(directory)
            let response = try cart.send("POST", "/fill", json: "{}", function: Self.filling)
            #expect(response.status == 503)
            #expect(response.header("Retry-After") == "30")
            #expect(String(decoding: response.body, as: UTF8.self).contains("\"status\":503"))
        }
    }

    @Test(.enabled(if: TestDatabase.isPostgreSQL, "ends a PostgreSQL connection"))
    func aConnectionThePostgreSQLServerEndsAnswers503() throws {
        try withTemporaryDirectory { directory in
            let cart = try CartFixture(directory)
            let response = try cart.send("POST", "/disconnect", form: "x=1", function: Self.filling)
            #expect(response.status == 503)
            #expect(response.header("Retry-After") == "30")
            #expect(String(decoding: response.body, as: UTF8.self).contains("please try again in a minute"))
            // The next request (another CGI process) finds the shop working again.
            let after = try cart.send("GET", ".json")
            #expect(after.status == 200, "\(String(decoding: after.body, as: UTF8.self))")
        }
    }

    @Test func aRefusedStatementIsStillA500() throws {
        try withTemporaryDirectory { directory in
            let cart = try CartFixture(directory)
            let response = try cart.send("POST", "/break", form: "x=1", function: Self.filling)
            #expect(response.status == 500)
            #expect(response.header("Retry-After") == nil)
        }
    }
}

import ShelfTesting
import Testing

@testable import ShelfStore

/// What a database failure means for the caller.
@Suite struct DatabaseErrorTests {
    @Test(.enabled(if: !TestDatabase.isPostgreSQL, "fills an SQLite file capped with max_page_count"))
    func aFullDatabaseIsAStorageFailureAndARefusedStatementIsNot() throws {
        try withTemporaryStore { store in
            let database = store.database
            try database.execute("CREATE TABLE filler (bytes BLOB NOT NULL)")
            guard case .integer(let pages) = try database.query("PRAGMA page_count").first?.values.first else {
                Issue.record("no page count")
                return
            }
            _ = try database.query("PRAGMA max_page_count = \(pages + 2)")
            let full = #expect(throws: DatabaseError.self) {
                for _ in 0..<100 { try database.execute("INSERT INTO filler (bytes) VALUES (zeroblob(8192))") }
            }
            #expect(full?.isStorageFailure == true)
            let refused = #expect(throws: DatabaseError.self) {
                try database.execute("INSERT INTO filler (bytes) VALUES (NULL)")
            }
            #expect(refused?.isStorageFailure == false)
        }
    }
}

import ShelfTesting
import Testing

@testable import ShelfStore

/// A migrated PostgreSQL schema names the constraints of the tables migrations rebuilt as a
/// table created under its own name would be.
@Suite(.enabled(if: TestDatabase.isPostgreSQL, "names PostgreSQL gives constraints"))
struct SchemaNamesTests {
    @Test func rebuiltTablesKeepNoNameOfTheirTemporaryTable() throws {
        try withTemporaryStore { store in
            let names = try store.database.query(
                """
                SELECT conname AS name FROM pg_constraint JOIN pg_namespace ON pg_namespace.oid = pg_constraint.connamespace
                WHERE nspname = current_schema() AND conrelid IN ('stock'::regclass, 'account_tokens'::regclass)
                UNION ALL SELECT relname FROM pg_class JOIN pg_namespace ON pg_namespace.oid = pg_class.relnamespace
                WHERE nspname = current_schema() AND (relname LIKE 'stock%' OR relname LIKE 'account_tokens%')
                """
            ).map { try $0.text("name") }
            #expect(
                names.filter { $0.hasPrefix("stock_new") || $0.hasPrefix("account_tokens_new_") && $0 != "account_tokens_new_email_check" }
                    == [])
            for name in ["stock_pkey", "stock_check", "account_tokens_pkey", "account_tokens_token_hash_key", "account_tokens_id_seq"] {
                #expect(names.contains(name))
            }
        }
    }
}

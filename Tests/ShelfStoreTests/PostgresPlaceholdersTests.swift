import Testing

@testable import ShelfStore

struct PostgresPlaceholdersTests {
    @Test func placeholdersAreNumberedInOrder() {
        let translated = PostgresPlaceholders("UPDATE stock SET on_hand = ? WHERE sku = ? AND on_hand >= ?")
        #expect(translated.sql == "UPDATE stock SET on_hand = $1 WHERE sku = $2 AND on_hand >= $3")
        #expect(translated.count == 3)
    }

    @Test func aQuestionMarkInALiteralIsText() {
        let translated = PostgresPlaceholders("SELECT 'why?', 'it''s ?', ? FROM t WHERE note = 'a ?' AND x = ?")
        #expect(translated.sql == "SELECT 'why?', 'it''s ?', $1 FROM t WHERE note = 'a ?' AND x = $2")
        #expect(translated.count == 2)
    }

    @Test func quotedIdentifiersCommentsAndDollarQuotesKeepTheirQuestionMarks() {
        let sql = """
            SELECT "odd?name", ? -- really?
            /* and? */ FROM t WHERE body = $$is it?$$ AND tagged = $q$what? $$ ?$q$ AND x = ?
            """
        let translated = PostgresPlaceholders(sql)
        #expect(
            translated.sql == """
                SELECT "odd?name", $1 -- really?
                /* and? */ FROM t WHERE body = $$is it?$$ AND tagged = $q$what? $$ ?$q$ AND x = $2
                """)
        #expect(translated.count == 2)
    }

    @Test func anUnclosedLiteralIsLeftForTheServerToRefuse() {
        #expect(PostgresPlaceholders("SELECT 'open ? ").sql == "SELECT 'open ? ")
        #expect(PostgresPlaceholders("SELECT 'open ? ").count == 0)
    }
}

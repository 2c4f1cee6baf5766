@testable public import ShelfStore

extension Store {
    /// Makes an SQLite database refuse any change to a product row with `message`, as a full
    /// disk or a lost connection would refuse a catalogue sync's writes.
    public func refuseProductChanges(saying message: String) throws {
        _ = try database.execute(
            "CREATE TRIGGER refuse_product_changes BEFORE UPDATE ON products BEGIN SELECT RAISE(ABORT, '\(message)'); END")
    }

    /// Makes the database (SQLite or PostgreSQL) refuse to write the search document of
    /// `handle`, as a full disk would refuse an index run part of the way through.
    public func refuseSearchDocument(_ handle: String) throws {
        if TestDatabase.postgresURL == nil {
            _ = try database.execute(
                """
                CREATE TRIGGER refuse_search_document BEFORE INSERT ON search_documents
                WHEN NEW.handle = '\(handle)' BEGIN SELECT RAISE(ABORT, 'refused by the test'); END
                """)
        } else {
            _ = try database.execute(
                """
                CREATE FUNCTION shelf_test_refuse() RETURNS trigger AS $$
                BEGIN IF NEW.handle = '\(handle)' THEN RAISE EXCEPTION 'refused by the test'; END IF; RETURN NEW; END $$
                LANGUAGE plpgsql
                """)
            _ = try database.execute(
                "CREATE TRIGGER refuse_search_document BEFORE INSERT ON search_documents FOR EACH ROW EXECUTE FUNCTION shelf_test_refuse()")
        }
    }
}

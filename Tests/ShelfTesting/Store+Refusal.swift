@testable public import ShelfStore

extension Store {
    /// Makes an SQLite database refuse any change to a product row with `message`, as a full
    /// disk or a lost connection would refuse a catalogue sync's writes.
    public func refuseProductChanges(saying message: String) throws {
        _ = try database.execute(
            "CREATE TRIGGER refuse_product_changes BEFORE UPDATE ON products BEGIN SELECT RAISE(ABORT, '\(message)'); END")
    }
}

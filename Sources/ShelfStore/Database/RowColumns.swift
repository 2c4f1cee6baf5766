/// The column names of a result and each one's place in a row, made once per statement (or
/// result) and shared by all its rows.
///
/// Rows are read by name (`row.int("on_hand")`); finding a name by comparing it with each
/// column in turn cost a cart request more than the reading itself.
final class RowColumns: Sendable {
    /// The names in result order.
    let names: [String]
    /// Each name's place; a name given to two columns finds the first.
    private let positions: [String: Int]

    init(_ names: [String]) {
        self.names = names
        self.positions = Dictionary(names.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// The place of the column called `name`, or nil when the result has none.
    func position(of name: String) -> Int? {
        positions[name]
    }
}

extension Migration {
    /// An index that hands a cart's lines over in the order they were added, so that reading a
    /// cart (`cart.json`, on every page a shopper opens) walks it instead of sorting the lines
    /// in a temporary B-tree.
    ///
    /// It ends with the SKU, so it is unique by the primary key alone: the migration cannot meet
    /// two lines of one place in an older store and fail, and SQLite knows each of the index's
    /// rows is one line, so a line's option rows, read in their own order, need no sort either.
    static let cartLinesInOrder = Migration(name: "cart_lines_in_order") { _ in
        ["CREATE UNIQUE INDEX cart_lines_in_order ON cart_lines (session_id, position, sku)"]
    }
}

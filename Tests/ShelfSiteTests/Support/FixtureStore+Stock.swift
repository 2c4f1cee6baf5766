import ShelfStore

extension FixtureStore {
    /// The fixture built, its `stock.csv` imported, and built again: the site later builds of a
    /// test start from, as a merchant's would after the first stock count.
    static func builtWithStock() throws -> FixtureStore {
        let store = try FixtureStore()
        _ = try store.build()
        _ = try store.openStore().importStock(try StockCSV.parse(try store.read("stock.csv"), file: "stock.csv"))
        _ = try store.build()
        return store
    }
}

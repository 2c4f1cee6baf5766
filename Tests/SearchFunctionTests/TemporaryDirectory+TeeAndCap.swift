import ShelfCore
import ShelfStore
import ShelfTesting

extension TemporaryDirectory {
    /// The store of the search function's tests: `data/shelf.sqlite` migrated, with a tee
    /// (Forest, S and M, €25.00) and a cap (Navy, One, €18.00) synced and indexed for search.
    func teeAndCapSearchStore() throws -> Store {
        let store = try openStore(file: "data/shelf.sqlite")
        try store.migrate()
        let products = [
            Product.sampleInColours("tee", colours: ["Forest"], sizes: ["S", "M"], price: 2500),
            Product.sampleInColours("cap", colours: ["Navy"], sizes: ["One"], price: 1800),
        ]
        try store.syncCatalogue(products, categories: [])
        try store.indexForSearch(products, categories: [])
        return store
    }
}

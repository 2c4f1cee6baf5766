public import ShelfStore

/// Runs `body` with a migrated temporary store that sells the sample tee (`TEE-S`, `TEE-M`,
/// `TEE-L`, €25.00 each) with `stock` on hand.
///
/// ```swift
/// try withStockedTees(["TEE-M": 10]) { store in
///     let order = try store.placeOrder(.sample([("TEE-M", 1)]), now: 0, holdFor: 1800)
/// }
/// ```
@discardableResult
public func withStockedTees<T>(_ stock: [String: Int], _ body: (Store) throws -> T) throws -> T {
    try withTemporaryStore { store in
        try stockTees(store, stock)
        return try body(store)
    }
}

/// Gives `store` the sample tee with `stock` on hand.
public func stockTees(_ store: Store, _ stock: [String: Int]) throws {
    try store.syncCatalogue([.sample("tee")], categories: [])
    for (sku, quantity) in stock {
        try store.setStock(sku, to: quantity)
    }
}

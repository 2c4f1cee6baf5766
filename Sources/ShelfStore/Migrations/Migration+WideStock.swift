extension Migration {
    /// Stock counts in 64 bits on PostgreSQL, as they always were on SQLite: a merchant may set
    /// any count `shelf stock set` takes, and PostgreSQL's `INTEGER` stops at 2,147,483,647.
    ///
    /// The store's other `INTEGER` columns stay: quantities in carts, orders and shipments are
    /// capped at ``CartRules/largestQuantity`` per line, positions and attempts count rows or
    /// tries, and the rest are flags or basis points under a CHECK. Ids, money and times were
    /// `BIGINT` from the start.
    static let wideStock = Migration(name: "wide_stock") { dialect in
        ["on_hand", "reserved", "allocated"].flatMap { dialect.widenToBigint("stock", $0) }
    }
}

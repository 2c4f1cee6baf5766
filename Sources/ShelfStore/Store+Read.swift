extension Store {
    /// Runs the store's reads in `body` together, as cheaply as the database allows: on SQLite
    /// in one read transaction, so that a request asking three questions takes and releases the
    /// file's locks once rather than three times; on PostgreSQL one after another, as without it.
    ///
    /// `body` must only read (a busy SQLite database may make it run again), and it gets no
    /// promise of a snapshot. Called inside another store operation's transaction, it joins it.
    ///
    /// ```swift
    /// let (cart, draft) = try store.read {
    ///     let cart = try store.sessionCart(tokenHash: hash, now: now)
    ///     return (cart, try cart.flatMap { try store.checkoutDraft(in: $0.session) })
    /// }
    /// ```
    public func read<T>(_ body: () throws -> T) throws -> T {
        try database.read(body)
    }
}

extension Store {
    /// Runs `body` as the store's one mail deliverer and returns what it returns, or returns nil
    /// at once, without running it, while another deliverer has the turn.
    ///
    /// On PostgreSQL the turn is an advisory lock of this connection's session, given back when
    /// `body` ends, or by the server when the process or its connection dies: deliverers on
    /// several hosts take turns instead of sharing the queue, and one on a standby host starts
    /// delivering at its next pass after the first one stops. On SQLite every deliverer runs on
    /// the one machine and there are no turns: ``claimMail(_:now:until:holder:)`` keeps two
    /// deliverers from sending the same message.
    ///
    /// ```swift
    /// guard let report = try store.asOnlyMailDeliverer({ try sendDue() }) else { return .anotherDeliverer }
    /// ```
    public func asOnlyMailDeliverer<T>(_ body: () throws -> T) throws -> T? {
        guard let turn = database.dialect.delivererTurn else { return try body() }
        guard try database.query(turn.take).first?.int("taken") == 1 else { return nil }
        // A connection that broke during `body` took the lock with it; giving it back then is a
        // no-op the server only warns about.
        defer { _ = try? database.query(turn.give) }
        return try body()
    }
}

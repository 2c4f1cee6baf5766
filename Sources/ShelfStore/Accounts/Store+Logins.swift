extension Store {
    /// How many failed logins in a row lock an account.
    public static let failuresBeforeLock = 3

    /// Records a failed login from `client` (and against `customerID`, when the email named an
    /// account). The third failure in a row locks the account and queues its unlock link.
    /// Returns the account as it now stands.
    @discardableResult
    public func recordLoginFailure(customerID: Int64?, client: String, unlock: AccountToken, now: Int64) throws -> Customer? {
        try database.transaction {
            try database.execute(
                "INSERT INTO login_failures (client, customer_id, failed_at) VALUES (?, ?, ?)",
                [.text(client), .integer(customerID), .integer(now)])
            guard let customerID else { return nil }
            try database.execute("UPDATE customers SET failed_logins = failed_logins + 1 WHERE id = ?", [.integer(customerID)])
            guard let customer = try customer(id: customerID) else { return nil }
            guard !customer.isLocked, customer.failedLogins >= Self.failuresBeforeLock else { return customer }
            try database.execute("UPDATE customers SET locked_at = ? WHERE id = ?", [.integer(now), .integer(customerID)])
            try issue(unlock, for: .unlock, customerID: customerID, now: now)
            try enqueue(
                .accountUnlock, orderID: nil, recipient: customer.email, data: ["name": customer.name, "nonce": unlock.nonce], now: now)
            return try self.customer(id: customerID)
        }
    }

    /// The failed logins from `client` since `since`, oldest first, as Unix seconds.
    public func loginFailures(client: String, since: Int64) throws -> [Int64] {
        try database.query(
            "SELECT failed_at FROM login_failures WHERE client = ? AND failed_at > ? ORDER BY failed_at", [.text(client), .integer(since)]
        ).map { try $0.int64("failed_at") }
    }

    /// Logs the account in: a new session (the caller's new cookie) that takes over the cart
    /// and checkout of the shopper's previous session, which is deleted once its wish list is
    /// merged into the account's; the account's failure count starts again, and `rehash`, when
    /// given, replaces its password hash.
    public func logIn(
        _ customerID: Int64, tokenHash: String, replacing previous: Session?, now: Int64, lifetime: Int64, rehash: String? = nil
    ) throws -> Session {
        try database.transaction {
            let rows = try database.query(
                """
                INSERT INTO sessions (token_hash, created_at, expires_at, customer_id) VALUES (?, ?, ?, ?)
                RETURNING id, created_at, expires_at, customer_id
                """, [.text(tokenHash), .integer(now), .integer(now + lifetime), .integer(customerID)])
            let session = try Session(rows[0])
            if let previous {
                try database.execute(
                    "UPDATE cart_lines SET session_id = ? WHERE session_id = ?", [.integer(session.id), .integer(previous.id)])
                try database.execute(
                    "UPDATE checkout_drafts SET session_id = ? WHERE session_id = ?", [.integer(session.id), .integer(previous.id)])
                try database.execute(
                    "UPDATE orders SET session_id = ? WHERE session_id = ?", [.integer(session.id), .integer(previous.id)])
                try mergeWishlist(ofSession: previous.id, intoCustomer: customerID)
                try database.execute("DELETE FROM sessions WHERE id = ?", [.integer(previous.id)])
            }
            try database.execute(
                "UPDATE customers SET failed_logins = 0, password_hash = COALESCE(?, password_hash) WHERE id = ?",
                [.text(rehash), .integer(customerID)])
            return session
        }
    }

    /// The account logged in on `session`, if any.
    public func customer(in session: Session) throws -> Customer? {
        try database.query(
            "SELECT \(Customer.columns) FROM customers WHERE id = (SELECT customer_id FROM sessions WHERE id = ?)", [.integer(session.id)]
        ).first.map(Customer.init)
    }

    /// Deletes the session (logging out), with its cart.
    public func endSession(_ session: Session) throws {
        _ = try database.transaction { try database.execute("DELETE FROM sessions WHERE id = ?", [.integer(session.id)]) }
    }
}

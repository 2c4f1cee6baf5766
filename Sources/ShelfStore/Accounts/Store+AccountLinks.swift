extension Store {
    /// Follows a confirmation link: marks the account confirmed and returns it; nil when the
    /// link is unknown, used or expired.
    public func confirmAccount(tokenHash: String, now: Int64) throws -> Customer? {
        try database.transaction {
            guard let id = try useToken(hash: tokenHash, purpose: .confirm, now: now) else { return nil }
            try database.execute(
                "UPDATE customers SET confirmed_at = COALESCE(confirmed_at, ?) WHERE id = ?", [.integer(now), .integer(id)])
            return try customer(id: id)
        }
    }

    /// Follows an unlock link: unlocks the account and clears its failures; nil when the link is
    /// unknown, used or expired.
    public func unlockAccount(tokenHash: String, now: Int64) throws -> Customer? {
        try database.transaction {
            guard let id = try useToken(hash: tokenHash, purpose: .unlock, now: now) else { return nil }
            try database.execute("UPDATE customers SET locked_at = NULL, failed_logins = 0 WHERE id = ?", [.integer(id)])
            return try customer(id: id)
        }
    }

    /// Queues a password reset link for the account of `email`, at most three an hour per
    /// account, and returns whether it did; the shopper's answer must not depend on it.
    @discardableResult
    public func requestPasswordReset(email: String, link: AccountToken, now: Int64) throws -> Bool {
        try database.transaction {
            guard let customer = try findCustomer(email: Customer.normalize(email: email), locking: true) else { return false }
            let recent = try database.query(
                "SELECT COUNT(*) AS n FROM account_tokens WHERE customer_id = ? AND purpose = 'reset' AND created_at > ?",
                [.integer(customer.id), .integer(now - 3600)])
            guard try recent[0].int("n") < 3 else { return false }
            try issue(link, for: .reset, customerID: customer.id, now: now)
            try enqueue(
                .accountReset, orderID: nil, recipient: customer.email, data: ["name": customer.name, "nonce": link.nonce], now: now)
            return true
        }
    }

    /// Follows a reset link: stores the new password hash, ends every session of the account,
    /// unlocks and confirms it (the link proved the address), and queues a "your password was
    /// changed" email. Nil when the link is unknown, used or expired.
    public func resetPassword(tokenHash: String, passwordHash: String, now: Int64) throws -> Customer? {
        try database.transaction {
            guard let id = try useToken(hash: tokenHash, purpose: .reset, now: now) else { return nil }
            try database.execute(
                """
                UPDATE customers SET password_hash = ?, locked_at = NULL, failed_logins = 0, confirmed_at = COALESCE(confirmed_at, ?)
                WHERE id = ?
                """, [.text(passwordHash), .integer(now), .integer(id)])
            try database.execute("DELETE FROM sessions WHERE customer_id = ?", [.integer(id)])
            guard let customer = try customer(id: id) else { return nil }
            try enqueue(.accountPasswordChanged, orderID: nil, recipient: customer.email, data: ["name": customer.name], now: now)
            return customer
        }
    }
}

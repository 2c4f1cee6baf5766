extension Store {
    /// Starts changing the account's email to `newEmail`: queues a confirmation link to the new
    /// address, and the account keeps its old email until the link is followed. When the new
    /// address already has an account, that address is told so instead ("you already have an
    /// account") and no link is made. Returns whether a link was queued; the shopper's answer
    /// must not depend on it.
    @discardableResult
    public func requestEmailChange(of customerID: Int64, to newEmail: String, link: AccountToken, now: Int64) throws -> Bool {
        let newEmail = Customer.normalize(email: newEmail)
        return try database.transaction {
            guard let customer = try customer(id: customerID) else { return false }
            if let existing = try findCustomer(email: newEmail) {
                try enqueue(.accountExists, orderID: nil, recipient: existing.email, data: ["name": existing.name], now: now)
                return false
            }
            try database.execute(
                """
                INSERT INTO account_tokens (customer_id, purpose, token_hash, created_at, expires_at, new_email)
                VALUES (?, 'email', ?, ?, ?, ?)
                """,
                [
                    .integer(customerID), .text(link.hash), .integer(now), .integer(now + AccountToken.Purpose.email.lifetime),
                    .text(newEmail),
                ])
            try enqueue(
                .accountEmailConfirm, orderID: nil, recipient: newEmail, data: ["name": customer.name, "nonce": link.nonce], now: now)
            return true
        }
    }

    /// Follows an email-change link: the account takes the new address, and the old one is
    /// told. Nil when the link is unknown, used or expired, or the address was taken meanwhile.
    public func confirmEmailChange(tokenHash: String, now: Int64) throws -> Customer? {
        do {
            return try changeEmail(tokenHash: tokenHash, now: now)
        } catch let error as DatabaseError where error.isUniqueViolation {
            // An account took the address after the check below (a registration on another
            // host, which the change waited for): run once more, and the check now says taken.
            return try changeEmail(tokenHash: tokenHash, now: now)
        }
    }

    private func changeEmail(tokenHash: String, now: Int64) throws -> Customer? {
        try database.transaction {
            guard
                let row = try database.query(
                    """
                    UPDATE account_tokens SET used_at = ?
                    WHERE token_hash = ? AND purpose = 'email' AND used_at IS NULL AND expires_at > ?
                    RETURNING customer_id, new_email
                    """, [.integer(now), .text(tokenHash), .integer(now)]
                ).first
            else { return nil }
            let newEmail = try row.text("new_email")
            guard let old = try customer(id: try row.int64("customer_id")), try findCustomer(email: newEmail) == nil else { return nil }
            try database.execute("UPDATE customers SET email = ? WHERE id = ?", [.text(newEmail), .integer(old.id)])
            try enqueue(.accountEmailChanged, orderID: nil, recipient: old.email, data: ["name": old.name], now: now)
            return try customer(id: old.id)
        }
    }
}

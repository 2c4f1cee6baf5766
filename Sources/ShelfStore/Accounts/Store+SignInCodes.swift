extension Store {
    /// Queues a sign-in code for the account of `email`, at most
    /// ``SignInCodeRequest/perHour`` an hour per account, and returns whether it did; the
    /// shopper's answer must not depend on it. A new code voids the older ones.
    @discardableResult
    public func requestSignInCode(email: String, code: SignInCodeRequest, now: Int64) throws -> Bool {
        try database.transaction {
            guard let customer = try findCustomer(email: Customer.normalize(email: email), locking: true) else { return false }
            let recent = try database.query(
                "SELECT COUNT(*) AS n FROM sign_in_codes WHERE customer_id = ? AND created_at > ?",
                [.integer(customer.id), .integer(now - 3600)])
            guard try recent[0].int("n") < SignInCodeRequest.perHour else { return false }
            try database.execute(
                "UPDATE sign_in_codes SET used_at = ? WHERE customer_id = ? AND used_at IS NULL", [.integer(now), .integer(customer.id)])
            try database.execute(
                "INSERT INTO sign_in_codes (customer_id, code_hash, created_at, expires_at) VALUES (?, ?, ?, ?)",
                [.integer(customer.id), .text(code.hash), .integer(now), .integer(now + SignInCodeRequest.lifetime)])
            try enqueue(
                .accountCode, orderID: nil, recipient: customer.email, data: ["name": customer.name, "nonce": code.nonce], now: now)
            return true
        }
    }

    /// Uses the live sign-in code of `email` when `codeHash` is its hash, and returns the
    /// account; otherwise counts a wrong try against that code (the fifth voids it) and returns
    /// nil. Nil too for an unknown address or when no code is live.
    public func useSignInCode(email: String, codeHash: String, now: Int64) throws -> Customer? {
        try database.transaction { () throws -> Customer? in
            guard let customer = try findCustomer(email: Customer.normalize(email: email), locking: true) else { return nil }
            let live = try database.query(
                """
                SELECT id, code_hash FROM sign_in_codes
                WHERE customer_id = ? AND used_at IS NULL AND expires_at > ? AND failed_tries < ?
                ORDER BY created_at DESC, id DESC LIMIT 1
                """, [.integer(customer.id), .integer(now), .integer(Int64(SignInCodeRequest.maxTries))])
            guard let row = live.first else { return nil }
            let id = try row.int64("id")
            guard Self.sameHash(try row.text("code_hash"), codeHash) else {
                try database.execute("UPDATE sign_in_codes SET failed_tries = failed_tries + 1 WHERE id = ?", [.integer(id)])
                return nil
            }
            try database.execute("UPDATE sign_in_codes SET used_at = ? WHERE id = ?", [.integer(now), .integer(id)])
            return customer
        }
    }

    /// Compares two hashes without stopping at the first difference.
    static func sameHash(_ a: String, _ b: String) -> Bool {
        let a = Array(a.utf8)
        let b = Array(b.utf8)
        guard a.count == b.count else { return false }
        return zip(a, b).reduce(UInt8(0)) { $0 | ($1.0 ^ $1.1) } == 0
    }
}

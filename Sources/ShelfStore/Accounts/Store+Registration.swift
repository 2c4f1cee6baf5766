extension Store {
    /// Registers an account and queues its confirmation email, or — when the address already
    /// has an account — queues that address a "you already have an account" email and changes
    /// nothing else. Returns whether an account was made; the shopper's answer must not depend
    /// on it.
    ///
    /// ```swift
    /// try store.register(email: "ann@example.com", name: "Ann", passwordHash: phc, confirmation: token, now: now)
    /// ```
    @discardableResult
    public func register(email: String, name: String, passwordHash: String, confirmation: AccountToken, now: Int64) throws -> Bool {
        let email = Customer.normalize(email: email)
        return try database.transaction {
            // ON CONFLICT rather than a look first: two registrations of one address on two
            // hosts at once make one account, the later one waiting for the first to commit.
            let rows = try database.query(
                """
                INSERT INTO customers (email, name, password_hash, created_at) VALUES (?, ?, ?, ?)
                ON CONFLICT (email) DO NOTHING RETURNING id
                """,
                [.text(email), .text(name), .text(passwordHash), .integer(now)])
            guard let row = rows.first else {
                let existing = try findCustomer(email: email)
                try enqueue(
                    .accountExists, orderID: nil, recipient: existing?.email ?? email, data: ["name": existing?.name ?? name], now: now)
                return false
            }
            let id = try row.int64("id")
            try issue(confirmation, for: .confirm, customerID: id, now: now)
            try enqueue(.accountConfirm, orderID: nil, recipient: email, data: ["name": name, "nonce": confirmation.nonce], now: now)
            return true
        }
    }

    /// The account of `email` (in any letter case, spaces around it ignored), if any.
    public func customer(email: String) throws -> Customer? {
        try findCustomer(email: Customer.normalize(email: email))
    }

    /// The account with this id, if any.
    public func customer(id: Int64) throws -> Customer? {
        try database.query("SELECT \(Customer.columns) FROM customers WHERE id = ?", [.integer(id)]).first.map(Customer.init)
    }

    /// Locks the account's row until the current transaction ends (on PostgreSQL; SQLite's
    /// write transaction has the database to itself), for changes that read the account's other
    /// rows first, such as which address is the default.
    func lockCustomer(_ id: Int64) throws {
        guard !database.dialect.forUpdate.isEmpty else { return }
        _ = try database.query("SELECT id FROM customers WHERE id = ?\(database.dialect.forUpdate)", [.integer(id)])
    }

    /// The account of a normalized `email`; `locking` it (on PostgreSQL) until the transaction
    /// ends, for callers that count what the account did before writing (the limits on emailed
    /// codes and links), so that two hosts cannot both stay under a limit.
    func findCustomer(email: String, locking: Bool = false) throws -> Customer? {
        let lock = locking ? database.dialect.forUpdate : ""
        return try database.query("SELECT \(Customer.columns) FROM customers WHERE email = ?\(lock)", [.text(email)]).first.map(
            Customer.init)
    }

    /// Records a single-use token for `customerID`, valid for its purpose's lifetime.
    func issue(_ token: AccountToken, for purpose: AccountToken.Purpose, customerID: Int64, now: Int64) throws {
        try database.execute(
            "INSERT INTO account_tokens (customer_id, purpose, token_hash, created_at, expires_at) VALUES (?, ?, ?, ?, ?)",
            [.integer(customerID), .text(purpose.rawValue), .text(token.hash), .integer(now), .integer(now + purpose.lifetime)])
    }

    /// Marks the live token with this hash and purpose used, and returns its account's id; nil
    /// when there is none (unknown, used, expired, or for another purpose).
    func useToken(hash: String, purpose: AccountToken.Purpose, now: Int64) throws -> Int64? {
        try database.query(
            """
            UPDATE account_tokens SET used_at = ?
            WHERE token_hash = ? AND purpose = ? AND used_at IS NULL AND expires_at > ?
            RETURNING customer_id
            """, [.integer(now), .text(hash), .text(purpose.rawValue), .integer(now)]
        ).first.map { try $0.int64("customer_id") }
    }

    /// The account a live, unused token of this purpose belongs to, without using it: a form
    /// shown from a link checks the link before asking for anything.
    public func customer(tokenHash: String, purpose: AccountToken.Purpose, now: Int64) throws -> Customer? {
        try database.query(
            """
            SELECT \(Customer.columns) FROM customers WHERE id = (
                SELECT customer_id FROM account_tokens WHERE token_hash = ? AND purpose = ? AND used_at IS NULL AND expires_at > ?
            )
            """, [.text(tokenHash), .text(purpose.rawValue), .integer(now)]
        ).first.map(Customer.init)
    }
}

extension Store {
    /// Starts a session for a new cookie and returns it.
    ///
    /// `tokenHash` is the SHA-256 of the cookie value in hex (64 characters); the store never
    /// sees the cookie itself. `lifetime` is in seconds and must be positive.
    ///
    /// ```swift
    /// let session = try store.createSession(tokenHash: tokenHash, now: now, lifetime: 30 * 86_400)
    /// ```
    public func createSession(tokenHash: String, now: Int64, lifetime: Int64) throws -> Session {
        try database.transaction { try insertSession(tokenHash: tokenHash, now: now, lifetime: lifetime) }
    }

    /// Deletes every session expired by `now`, with its cart, and starts the new one, in one
    /// transaction: a shopper's first request then commits once, not twice.
    public func startSession(tokenHash: String, now: Int64, lifetime: Int64) throws -> Session {
        try database.transaction {
            try deleteExpired(now: now)
            return try insertSession(tokenHash: tokenHash, now: now, lifetime: lifetime)
        }
    }

    private func insertSession(tokenHash: String, now: Int64, lifetime: Int64) throws -> Session {
        let rows = try database.query(
            "INSERT INTO sessions (token_hash, created_at, expires_at) VALUES (?, ?, ?) RETURNING id, created_at, expires_at",
            [.text(tokenHash), .integer(now), .integer(now + lifetime)])
        return try Session(rows[0])
    }

    /// The session of a cookie, or nil when no session has that hash or it has expired by `now`.
    public func session(tokenHash: String, now: Int64) throws -> Session? {
        try database.query(
            "SELECT id, created_at, expires_at, customer_id FROM sessions WHERE token_hash = ? AND expires_at > ?",
            [.text(tokenHash), .integer(now)]
        ).first.map(Session.init)
    }

    /// Moves the session's expiry out to `expiresAt`, as a shopper's visit slides it along;
    /// never brings it closer, and does nothing to a session already deleted.
    public func extendSession(_ session: Session, until expiresAt: Int64) throws {
        _ = try database.transaction {
            try database.execute(
                "UPDATE sessions SET expires_at = ? WHERE id = ? AND expires_at < ?",
                [.integer(expiresAt), .integer(session.id), .integer(expiresAt)])
        }
    }

    /// Deletes every session expired by `now`, with its cart, and returns how many went.
    @discardableResult
    public func deleteExpiredSessions(now: Int64) throws -> Int {
        try database.transaction { try deleteExpired(now: now) }
    }

    @discardableResult
    private func deleteExpired(now: Int64) throws -> Int {
        try database.execute("DELETE FROM sessions WHERE expires_at <= ?", [.integer(now)])
    }
}

extension Store {
    /// Locks the session's row until the current transaction ends (on PostgreSQL; SQLite's write
    /// transaction already has the database to itself), so that one session's checkouts and
    /// cart changes take turns across processes and hosts.
    func lockSession(_ sessionID: Int64) throws {
        guard !database.dialect.forUpdate.isEmpty else { return }
        _ = try database.query("SELECT id FROM sessions WHERE id = ?\(database.dialect.forUpdate)", [.integer(sessionID)])
    }
}

extension Store {
    /// The cookie's live `session` as `claim` settles on it: extended when a guest's expiry is
    /// more than the claim's interval behind, as it was otherwise.
    func keep(_ session: Session, claimedBy claim: SessionClaim, tokenHash: String, now: Int64) throws -> ClaimedSession {
        let until = now + claim.lifetime
        guard session.customerID == nil, session.expiresAt < until - claim.extensionInterval else {
            return ClaimedSession(session: session, tokenHash: tokenHash, outcome: .found)
        }
        try database.execute("UPDATE sessions SET expires_at = ? WHERE id = ?", [.integer(until), .integer(session.id)])
        let extended = Session(id: session.id, createdAt: session.createdAt, expiresAt: until, customerID: nil)
        return ClaimedSession(session: extended, tokenHash: tokenHash, outcome: .extended)
    }

    /// A new session for `claim`, after expired ones are swept away.
    func startSession(for claim: SessionClaim, now: Int64) throws -> ClaimedSession {
        try deleteExpired(now: now)
        let hash = claim.newTokenHash()
        return ClaimedSession(
            session: try insertSession(tokenHash: hash, now: now, lifetime: claim.lifetime), tokenHash: hash, outcome: .started)
    }

    /// The live session stored under `tokenHash`, read in the current write transaction and, on
    /// PostgreSQL, locked until it ends; nil when none is.
    func liveSession(tokenHash: String, now: Int64) throws -> Session? {
        try database.query(
            "SELECT id, created_at, expires_at, customer_id FROM sessions WHERE token_hash = ? AND expires_at > ?"
                + database.dialect.forUpdate, [.text(tokenHash), .integer(now)]
        ).first.map(Session.init)
    }
}

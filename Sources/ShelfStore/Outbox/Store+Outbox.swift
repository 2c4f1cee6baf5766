extension Store {
    /// Queues `email` to `recipient` about an order; call inside the write transaction of the
    /// change that causes it, so the change and its email commit together or not at all.
    ///
    /// An email to an erased customer (``ErasedOrder/email``, an order shipped after its shopper
    /// was erased) is recorded as never sent, with the reason, rather than queued.
    func enqueue(_ email: Email, orderID: Int64?, recipient: String, data: [String: String] = [:], now: Int64) throws {
        let erased = recipient == ErasedOrder.email
        try database.execute(
            """
            INSERT INTO outbox (template, order_id, recipient, data, status, last_error, next_attempt_at, created_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """,
            [
                .text(email.rawValue), .integer(orderID), .text(recipient), .text(OutboxData.encode(data)),
                .text(erased ? "failed" : "pending"), erased ? .text(ErasedOrder.notSent) : .null, .integer(now), .integer(now),
            ])
    }

    /// The pending messages due at `now` with an id after `after`, oldest first, at most
    /// `limit`; with `includingRetries`, also those waiting for a later retry (the merchant knows
    /// the mail server is back).
    public func dueMail(now: Int64, includingRetries: Bool = false, after: Int64 = 0, limit: Int = 100) throws -> [OutboxMessage] {
        try database.query(
            """
            SELECT \(OutboxMessage.columns) FROM outbox
            WHERE status = 'pending' AND next_attempt_at <= ? AND (claimed_until IS NULL OR claimed_until < ?) AND id > ?
            ORDER BY id LIMIT ?
            """, [.integer(includingRetries ? Int64.max : now), .integer(now), .integer(after), .int(limit)]
        ).map(OutboxMessage.init)
    }

    /// Claims a pending message for sending until `until`, for the deliverer `holder` names;
    /// false when another deliverer holds it or it is no longer pending. A deliverer that dies
    /// mid-send leaves the claim until the next deliverer finds it gone
    /// (``releaseMailClaims(of:)``) or the claim runs out; the message is then sent again, under
    /// the same Message-ID.
    public func claimMail(_ id: Int64, now: Int64, until: Int64, holder: String? = nil) throws -> Bool {
        try database.execute(
            """
            UPDATE outbox SET claimed_until = ?, claimed_by = ?
            WHERE id = ? AND status = 'pending' AND (claimed_until IS NULL OR claimed_until < ?)
            """, [.integer(until), .text(holder), .integer(id), .integer(now)]) > 0
    }

    /// The deliverers holding claims on pending messages at `now`, each once.
    public func mailClaimHolders(now: Int64) throws -> [String] {
        try database.query(
            """
            SELECT DISTINCT claimed_by FROM outbox
            WHERE status = 'pending' AND claimed_until >= ? AND claimed_by IS NOT NULL
            ORDER BY claimed_by
            """, [.integer(now)]
        ).map { try $0.text("claimed_by") }
    }

    /// Frees the pending messages `holder` claimed, for a deliverer that knows it has ended;
    /// returns how many.
    @discardableResult
    public func releaseMailClaims(of holder: String) throws -> Int {
        try database.execute(
            "UPDATE outbox SET claimed_until = NULL, claimed_by = NULL WHERE claimed_by = ? AND status = 'pending'", [.text(holder)])
    }

    /// Records that the mail server accepted the message, sent with `subject`.
    public func markMailSent(_ id: Int64, subject: String? = nil, now: Int64) throws {
        try database.execute(
            """
            UPDATE outbox SET status = 'sent', attempts = attempts + 1, sent_at = ?, claimed_until = NULL, claimed_by = NULL, last_error = NULL,
                subject = COALESCE(?, subject)
            WHERE id = ? AND status = 'pending'
            """, [.integer(now), .text(subject), .integer(id)])
    }

    /// Records a failed attempt with the server's `answer`: retried at `retryAt`, or given up
    /// (`failed`) when that is nil.
    public func markMailFailed(_ id: Int64, answer: String, retryAt: Int64?) throws {
        try database.execute(
            """
            UPDATE outbox SET status = ?, attempts = attempts + 1, next_attempt_at = COALESCE(?, next_attempt_at),
                claimed_until = NULL, claimed_by = NULL, last_error = ?
            WHERE id = ? AND status = 'pending'
            """, [.text(retryAt == nil ? "failed" : "pending"), .integer(retryAt), .text(answer), .integer(id)])
    }

    /// The queue and the sent log, newest first; with `status`, only those in it.
    public func mail(status: OutboxMessage.Status? = nil, limit: Int = 500) throws -> [OutboxMessage] {
        if let status {
            return try database.query(
                "SELECT \(OutboxMessage.columns) FROM outbox WHERE status = ? ORDER BY id DESC LIMIT ?",
                [.text(status.rawValue), .int(limit)]
            ).map(OutboxMessage.init)
        }
        return try database.query("SELECT \(OutboxMessage.columns) FROM outbox ORDER BY id DESC LIMIT ?", [.int(limit)])
            .map(OutboxMessage.init)
    }

    /// Queues the order's status link for the shopper who asks again with its number and email,
    /// and returns whether it did; the caller's answer must not depend on it.
    ///
    /// The email must match the order's (letter case aside). At most three links are queued for an
    /// order per hour, so the form cannot be used to flood a shopper's inbox.
    @discardableResult
    public func requestOrderLink(_ orderID: Int64, email: String, now: Int64) throws -> Bool {
        try database.transaction {
            // The order's row stays locked (on PostgreSQL) until the link is queued, so two hosts
            // counting the links sent this hour cannot both stay under the limit.
            let sql = "SELECT email FROM orders WHERE id = ?\(database.dialect.forUpdate)"
            guard let row = try database.query(sql, [.integer(orderID)]).first,
                try row.text("email").lowercased() == email.lowercased()
            else { return false }
            let recent = try database.query(
                "SELECT COUNT(*) AS n FROM outbox WHERE order_id = ? AND template = ? AND created_at > ?",
                [.integer(orderID), .text(Email.orderLink.rawValue), .integer(now - 3600)])
            guard try recent[0].int("n") < 3 else { return false }
            try enqueue(.orderLink, orderID: orderID, recipient: try row.text("email"), now: now)
            return true
        }
    }
}

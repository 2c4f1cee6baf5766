extension Store {
    /// How long a login waits for its second factor: five minutes.
    public static let pendingLoginLifetime: Int64 = 300

    /// The account's TOTP secret as stored (sealed by the account function, or the base32 of a
    /// row written before sealing) and last accepted step, nil when two-factor is off.
    public func totp(customerID: Int64) throws -> (secret: String, lastStep: Int64?)? {
        guard let row = try database.query("SELECT totp_secret, totp_last_step FROM customers WHERE id = ?", [.integer(customerID)]).first,
            let secret = try row.optionalText("totp_secret")
        else { return nil }
        return (secret, try row.optionalInt64("totp_last_step"))
    }

    /// Replaces the stored TOTP secret `old` of the account with `new` (the same secret sealed);
    /// false when the row no longer holds `old` (turned off or on again meanwhile).
    @discardableResult
    public func replaceTOTPSecret(customerID: Int64, _ old: String, with new: String) throws -> Bool {
        try database.execute(
            "UPDATE customers SET totp_secret = ? WHERE id = ? AND totp_secret = ?", [.text(new), .integer(customerID), .text(old)]) > 0
    }

    /// Turns two-factor on with `secret` as it is to be stored (sealed), `step` as the step just used to confirm it, and the
    /// SHA-256 hashes of a new set of recovery codes (replacing any older set).
    public func enableTOTP(customerID: Int64, secret: String, step: Int64, recoveryHashes: [String]) throws {
        try database.transaction {
            try database.execute(
                "UPDATE customers SET totp_secret = ?, totp_last_step = ? WHERE id = ?",
                [.text(secret), .integer(step), .integer(customerID)])
            try database.execute("DELETE FROM recovery_codes WHERE customer_id = ?", [.integer(customerID)])
            for hash in recoveryHashes {
                try database.execute(
                    "INSERT INTO recovery_codes (customer_id, code_hash) VALUES (?, ?)", [.integer(customerID), .text(hash)])
            }
        }
    }

    /// Turns two-factor off: the secret and the recovery codes are deleted.
    public func disableTOTP(customerID: Int64) throws {
        try database.transaction {
            try database.execute("UPDATE customers SET totp_secret = NULL, totp_last_step = NULL WHERE id = ?", [.integer(customerID)])
            try database.execute("DELETE FROM recovery_codes WHERE customer_id = ?", [.integer(customerID)])
        }
    }

    /// Records `step` as the last TOTP step used, when it is later than the recorded one; false
    /// when it is not (the code was already used, perhaps by a concurrent request).
    public func useTOTPStep(_ step: Int64, customerID: Int64) throws -> Bool {
        try database.transaction {
            try !database.query(
                """
                UPDATE customers SET totp_last_step = ? WHERE id = ? AND totp_secret IS NOT NULL
                AND (totp_last_step IS NULL OR totp_last_step < ?) RETURNING id
                """, [.integer(step), .integer(customerID), .integer(step)]
            ).isEmpty
        }
    }

    /// Uses the unused recovery code with this hash; false when there is none.
    public func useRecoveryCode(hash: String, customerID: Int64, now: Int64) throws -> Bool {
        try database.transaction {
            try !database.query(
                "UPDATE recovery_codes SET used_at = ? WHERE customer_id = ? AND code_hash = ? AND used_at IS NULL RETURNING id",
                [.integer(now), .integer(customerID), .text(hash)]
            ).isEmpty
        }
    }

    /// Records that the browser of `session` proved the password (or an emailed code) of
    /// `customerID` and now owes the second factor; `rehash`, when given, replaces the account's
    /// password hash (the password was right, whatever happens next).
    public func startPendingLogin(customerID: Int64, remember: Bool, rehash: String? = nil, in session: Session, now: Int64) throws {
        _ = try database.transaction {
            try database.execute("DELETE FROM pending_logins WHERE session_id = ?", [.integer(session.id)])
            try database.execute(
                "UPDATE customers SET password_hash = COALESCE(?, password_hash) WHERE id = ?", [.text(rehash), .integer(customerID)])
            try database.execute(
                "INSERT INTO pending_logins (session_id, customer_id, remember, expires_at) VALUES (?, ?, ?, ?)",
                [.integer(session.id), .integer(customerID), .integer(remember ? 1 : 0), .integer(now + Self.pendingLoginLifetime)])
        }
    }

    /// The live pending login of `session`: its account and "remember me".
    public func pendingLogin(in session: Session, now: Int64) throws -> (customerID: Int64, remember: Bool)? {
        try database.query(
            "SELECT customer_id, remember FROM pending_logins WHERE session_id = ? AND expires_at > ?",
            [.integer(session.id), .integer(now)]
        ).first.map { (try $0.int64("customer_id"), try $0.int("remember") == 1) }
    }
}

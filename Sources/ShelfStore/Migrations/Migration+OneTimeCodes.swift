extension Migration {
    /// The six-digit sign-in codes emailed to shoppers, and TOTP as a second factor.
    ///
    /// A code is kept only as a keyed hash (an HMAC under the store's session key, so a copy of
    /// the database cannot try the million codes), with its expiry, the wrong tries spent on it
    /// and the moment it was used. The fifth wrong try voids it.
    ///
    /// `customers.totp_secret` is the TOTP secret of an account that turned the second factor
    /// on, sealed by the account function under the secrets file's `totp_key` (rows written
    /// before sealing hold its base32 until their next use), and
    /// `totp_last_step` the last step accepted, so no code is accepted twice. `recovery_codes`
    /// keeps the SHA-256 of each recovery code. `pending_logins` is a login waiting for its second
    /// factor: bound to the browser's session, short-lived, used once, never a logged-in session.
    static let oneTimeCodes = Migration(name: "one_time_codes") { dialect in
        [
            """
            CREATE TABLE sign_in_codes (
                id \(dialect.generatedKey),
                customer_id BIGINT NOT NULL REFERENCES customers (id) ON DELETE CASCADE,
                code_hash TEXT NOT NULL CHECK (length(code_hash) = 64),
                created_at BIGINT NOT NULL,
                expires_at BIGINT NOT NULL,
                failed_tries INTEGER NOT NULL DEFAULT 0 CHECK (failed_tries >= 0),
                used_at BIGINT NULL,
                CHECK (expires_at > created_at)
            )
            """,
            "CREATE INDEX sign_in_codes_by_customer ON sign_in_codes (customer_id, created_at)",
            "ALTER TABLE customers ADD COLUMN totp_secret TEXT NULL",
            "ALTER TABLE customers ADD COLUMN totp_last_step BIGINT NULL",
            """
            CREATE TABLE recovery_codes (
                id \(dialect.generatedKey),
                customer_id BIGINT NOT NULL REFERENCES customers (id) ON DELETE CASCADE,
                code_hash TEXT NOT NULL CHECK (length(code_hash) = 64),
                used_at BIGINT NULL
            )
            """,
            "CREATE INDEX recovery_codes_by_customer ON recovery_codes (customer_id)",
            """
            CREATE TABLE pending_logins (
                session_id BIGINT PRIMARY KEY REFERENCES sessions (id) ON DELETE CASCADE,
                customer_id BIGINT NOT NULL REFERENCES customers (id) ON DELETE CASCADE,
                remember INTEGER NOT NULL CHECK (remember IN (0, 1)),
                expires_at BIGINT NOT NULL
            )
            """,
        ]
    }
}

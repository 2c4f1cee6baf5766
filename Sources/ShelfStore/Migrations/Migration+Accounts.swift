extension Migration {
    /// Shoppers' accounts, the single-use links emailed to them, and failed logins.
    ///
    /// `email` is stored trimmed and lower-cased (``Customer/normalize(email:)``), so one address
    /// in any letter case is one account. A token is kept only as the SHA-256 of the link's
    /// secret, with its purpose, expiry and the moment it was used. `login_failures` keeps one
    /// row per failed login with the client's address, for the per-client limit; the per-account
    /// count of consecutive failures is `customers.failed_logins`.
    ///
    /// A logged-in shopper is a session with a `customer_id`, rather than a second table: the
    /// session already holds the cart and the checkout in progress, its cookie is already
    /// checked on every request, and logging out is deleting the one row. Logging in starts a
    /// new session (a new cookie) and moves the cart over.
    static let accounts = Migration(name: "accounts") { dialect in
        [
            """
            CREATE TABLE customers (
                id \(dialect.generatedKey),
                email TEXT NOT NULL UNIQUE CHECK (email = lower(trim(email)) AND length(email) > 0),
                name TEXT NOT NULL,
                password_hash TEXT NOT NULL,
                role TEXT NOT NULL DEFAULT 'customer' CHECK (role IN ('customer', 'admin')),
                confirmed_at BIGINT NULL,
                locked_at BIGINT NULL,
                failed_logins INTEGER NOT NULL DEFAULT 0 CHECK (failed_logins >= 0),
                created_at BIGINT NOT NULL
            )
            """,
            """
            CREATE TABLE account_tokens (
                id \(dialect.generatedKey),
                customer_id BIGINT NOT NULL REFERENCES customers (id) ON DELETE CASCADE,
                purpose TEXT NOT NULL CHECK (purpose IN ('confirm', 'unlock', 'reset')),
                token_hash TEXT NOT NULL UNIQUE CHECK (length(token_hash) = 64),
                created_at BIGINT NOT NULL,
                expires_at BIGINT NOT NULL,
                used_at BIGINT NULL,
                CHECK (expires_at > created_at)
            )
            """,
            "CREATE INDEX account_tokens_by_customer ON account_tokens (customer_id, purpose, created_at)",
            """
            CREATE TABLE login_failures (
                id \(dialect.generatedKey),
                client TEXT NOT NULL,
                customer_id BIGINT NULL REFERENCES customers (id) ON DELETE CASCADE,
                failed_at BIGINT NOT NULL
            )
            """,
            "CREATE INDEX login_failures_by_client ON login_failures (client, failed_at)",
            "ALTER TABLE sessions ADD COLUMN customer_id BIGINT NULL REFERENCES customers (id) ON DELETE CASCADE",
            "CREATE INDEX sessions_by_customer ON sessions (customer_id)",
        ]
    }
}

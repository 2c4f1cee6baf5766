extension Migration {
    /// Email changes from the dashboard: a link of purpose `email`, sent to the new address,
    /// which the token row remembers (`new_email`) until the link is followed; the account keeps
    /// its old email until then. A CHECK cannot be altered in place, so the table is rebuilt.
    static let emailChange = Migration(name: "email-change") { dialect in
        [
            """
            CREATE TABLE account_tokens_new (
                id \(dialect.generatedKey),
                customer_id BIGINT NOT NULL REFERENCES customers (id) ON DELETE CASCADE,
                purpose TEXT NOT NULL CHECK (purpose IN ('confirm', 'unlock', 'reset', 'email')),
                token_hash TEXT NOT NULL UNIQUE CHECK (length(token_hash) = 64),
                created_at BIGINT NOT NULL,
                expires_at BIGINT NOT NULL,
                used_at BIGINT NULL,
                new_email TEXT NULL CHECK (new_email = lower(trim(new_email)) AND length(new_email) > 0),
                CHECK (expires_at > created_at),
                CHECK ((purpose = 'email') = (new_email IS NOT NULL))
            )
            """,
            """
            INSERT INTO account_tokens_new (id, customer_id, purpose, token_hash, created_at, expires_at, used_at) \(dialect.keepingGeneratedKeys)
            SELECT id, customer_id, purpose, token_hash, created_at, expires_at, used_at FROM account_tokens
            """,
            "DROP TABLE account_tokens",
            "ALTER TABLE account_tokens_new RENAME TO account_tokens",
            "CREATE INDEX account_tokens_by_customer ON account_tokens (customer_id, purpose, created_at)",
        ] + dialect.continueGeneratedKey("account_tokens")
    }
}

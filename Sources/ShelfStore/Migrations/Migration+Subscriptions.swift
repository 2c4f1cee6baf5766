extension Migration {
    /// Newsletter subscribers and back-in-stock requests, both behind double opt-in.
    ///
    /// `subscribers` has one row per address (`pending` until a confirmation link is followed,
    /// then `confirmed`, or `unsubscribed`); `subscriber_topics` says which newsletters a
    /// subscriber gets, so a campaign picks `status = 'confirmed'` joined with its topic.
    /// `subscription_consents` records each request as it was made: when, from which form
    /// (`source`), the wording the form showed, the topics or the SKU asked for, and when it was
    /// confirmed. `subscription_tokens` keeps the SHA-256 of each confirmation link, single use
    /// and expiring, pointing at the request it confirms. `stock_alerts` are confirmed
    /// back-in-stock requests, `notified_at` once their one email is queued.
    /// `subscribe_attempts` counts sign-ups per client, for the per-client limit.
    static let subscriptions = Migration(name: "subscriptions") { dialect in
        [
            """
            CREATE TABLE subscribers (
                id \(dialect.generatedKey),
                email TEXT NOT NULL UNIQUE CHECK (email = lower(trim(email)) AND length(email) > 0),
                status TEXT NOT NULL CHECK (status IN ('pending', 'confirmed', 'unsubscribed')),
                created_at BIGINT NOT NULL,
                confirmed_at BIGINT NULL,
                unsubscribed_at BIGINT NULL,
                CHECK (status <> 'confirmed' OR confirmed_at IS NOT NULL)
            )
            """,
            """
            CREATE TABLE subscriber_topics (
                subscriber_id BIGINT NOT NULL REFERENCES subscribers (id) ON DELETE CASCADE,
                topic TEXT NOT NULL CHECK (length(topic) > 0),
                PRIMARY KEY (subscriber_id, topic)
            )
            """,
            "CREATE INDEX subscriber_topics_by_topic ON subscriber_topics (topic, subscriber_id)",
            """
            CREATE TABLE subscription_consents (
                id \(dialect.generatedKey),
                subscriber_id BIGINT NOT NULL REFERENCES subscribers (id) ON DELETE CASCADE,
                source TEXT NOT NULL CHECK (length(source) > 0),
                wording TEXT NOT NULL,
                topics TEXT NOT NULL DEFAULT '',
                sku TEXT NULL,
                given_at BIGINT NOT NULL,
                confirmed_at BIGINT NULL
            )
            """,
            "CREATE INDEX subscription_consents_by_subscriber ON subscription_consents (subscriber_id, given_at)",
            """
            CREATE TABLE subscription_tokens (
                id \(dialect.generatedKey),
                subscriber_id BIGINT NOT NULL REFERENCES subscribers (id) ON DELETE CASCADE,
                consent_id BIGINT NOT NULL REFERENCES subscription_consents (id) ON DELETE CASCADE,
                token_hash TEXT NOT NULL UNIQUE CHECK (length(token_hash) = 64),
                created_at BIGINT NOT NULL,
                expires_at BIGINT NOT NULL,
                used_at BIGINT NULL,
                CHECK (expires_at > created_at)
            )
            """,
            "CREATE INDEX subscription_tokens_by_subscriber ON subscription_tokens (subscriber_id, created_at)",
            """
            CREATE TABLE stock_alerts (
                id \(dialect.generatedKey),
                subscriber_id BIGINT NOT NULL REFERENCES subscribers (id) ON DELETE CASCADE,
                sku TEXT NOT NULL,
                created_at BIGINT NOT NULL,
                notified_at BIGINT NULL,
                UNIQUE (subscriber_id, sku)
            )
            """,
            "CREATE INDEX stock_alerts_waiting ON stock_alerts (sku, notified_at)",
            """
            CREATE TABLE subscribe_attempts (
                id \(dialect.generatedKey),
                client TEXT NOT NULL,
                created_at BIGINT NOT NULL
            )
            """,
            "CREATE INDEX subscribe_attempts_by_client ON subscribe_attempts (client, created_at)",
        ]
    }
}

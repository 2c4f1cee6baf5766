extension Migration {
    /// Campaign emails (`content/newsletters/*.md`) and what became of them.
    ///
    /// `newsletters` keeps each newsletter as it was first sent: its subject and the HTML and
    /// text rendered with the theme, with per-recipient placeholders, so every recipient gets the
    /// same issue even if the file changes while it is delivered. `newsletter_recipients` has one
    /// row per (newsletter, subscriber), written in the transaction that queues the email: its
    /// primary key is why sending a newsletter twice emails nobody twice, and why a send
    /// interrupted half-way queues only the missing ones when run again. `newsletter_clicks`
    /// records each followed link with the section it was in. `subscribers.bounced_at` is set
    /// when a mail server refused the address for good: no campaign mail goes to it again.
    static let newsletters = Migration(name: "newsletters") { dialect in
        [
            """
            CREATE TABLE newsletters (
                id \(dialect.generatedKey),
                slug TEXT NOT NULL UNIQUE CHECK (length(slug) > 0),
                subject TEXT NOT NULL,
                audience TEXT NOT NULL,
                html TEXT NOT NULL,
                text TEXT NOT NULL,
                links TEXT NOT NULL,
                created_at BIGINT NOT NULL
            )
            """,
            """
            CREATE TABLE newsletter_recipients (
                newsletter_id BIGINT NOT NULL REFERENCES newsletters (id) ON DELETE CASCADE,
                subscriber_id BIGINT NOT NULL REFERENCES subscribers (id) ON DELETE CASCADE,
                outbox_id BIGINT NOT NULL REFERENCES outbox (id),
                queued_at BIGINT NOT NULL,
                PRIMARY KEY (newsletter_id, subscriber_id)
            )
            """,
            "CREATE INDEX newsletter_recipients_by_outbox ON newsletter_recipients (outbox_id)",
            """
            CREATE TABLE newsletter_clicks (
                id \(dialect.generatedKey),
                newsletter_id BIGINT NOT NULL REFERENCES newsletters (id) ON DELETE CASCADE,
                subscriber_id BIGINT NOT NULL REFERENCES subscribers (id) ON DELETE CASCADE,
                section TEXT NOT NULL,
                target TEXT NOT NULL,
                clicked_at BIGINT NOT NULL
            )
            """,
            "CREATE INDEX newsletter_clicks_by_newsletter ON newsletter_clicks (newsletter_id, section)",
            "ALTER TABLE subscribers ADD COLUMN bounced_at BIGINT NULL",
        ]
    }
}

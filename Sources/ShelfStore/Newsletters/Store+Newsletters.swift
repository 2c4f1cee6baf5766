extension Store {
    /// Records the newsletter `slug` as rendered, the first time it is sent, and returns it; when
    /// it was recorded before, returns that first version unchanged, so a send that resumes
    /// queues the same email as the one it resumes.
    ///
    /// ```swift
    /// let issue = try store.recordNewsletter(slug: "spring", subject: s, audience: .all, html: h, text: t, links: l, now: now)
    /// ```
    public func recordNewsletter(
        slug: String, subject: String, audience: NewsletterAudience, html: String, text: String, links: [NewsletterLink], now: Int64
    ) throws -> NewsletterIssue {
        try database.transaction {
            try database.execute(
                """
                INSERT INTO newsletters (slug, subject, audience, html, text, links, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (slug) DO NOTHING
                """,
                [
                    .text(slug), .text(subject), .text(audience.description), .text(html), .text(text),
                    .text(NewsletterLink.encode(links)), .integer(now),
                ])
            guard let issue = try newsletter(slug: slug) else { throw DatabaseError(message: "the newsletter \(slug) was not recorded") }
            return issue
        }
    }

    /// The newsletter recorded under `slug` by its first send.
    public func newsletter(slug: String) throws -> NewsletterIssue? {
        try database.query("SELECT * FROM newsletters WHERE slug = ?", [.text(slug)]).first.map(NewsletterIssue.init)
    }

    /// The newsletter with this id.
    public func newsletter(id: Int64) throws -> NewsletterIssue? {
        try database.query("SELECT * FROM newsletters WHERE id = ?", [.integer(id)]).first.map(NewsletterIssue.init)
    }

    /// Every newsletter sent, oldest first.
    public func newsletters() throws -> [NewsletterIssue] {
        try database.query("SELECT * FROM newsletters ORDER BY id").map(NewsletterIssue.init)
    }

    /// The subscribers in `audience` now, by id.
    public func subscribers(in audience: NewsletterAudience) throws -> [Subscriber] {
        let (condition, values) = audience.condition
        return try database.query("SELECT \(Subscriber.columns) FROM subscribers s WHERE \(condition) ORDER BY id", values).map {
            try Subscriber($0, topics: [])
        }
    }

    /// Queues `issue` to every subscriber in `audience` who has not been sent it yet, in
    /// transactions of `batch` recipients, and returns how many it queued.
    ///
    /// Each recipient's `newsletter_recipients` row and outbox email commit together, so a send
    /// stopped half-way (a crash, a killed process) leaves whole batches, and running it again
    /// queues only the missing recipients; a second send of the same newsletter queues none.
    public func queueNewsletter(_ issue: NewsletterIssue, to audience: NewsletterAudience, batch: Int = 1000, now: Int64) throws -> Int {
        let (condition, values) = audience.condition
        var queued = 0
        var after: Int64 = 0
        while true {
            let count: Int? = try database.transaction {
                // Two sends of one newsletter at once take turns here (PostgreSQL; SQLite's
                // write transactions already do).
                _ = try database.query("SELECT id FROM newsletters WHERE id = ?\(database.dialect.forUpdate)", [.integer(issue.id)])
                let rows = try database.query(
                    """
                    SELECT s.id, s.email FROM subscribers s
                    WHERE \(condition) AND s.id > ?
                        AND NOT EXISTS (SELECT 1 FROM newsletter_recipients r WHERE r.newsletter_id = ? AND r.subscriber_id = s.id)
                    ORDER BY s.id LIMIT ?
                    """, values + [.integer(after), .integer(issue.id), .int(batch)])
                guard let last = rows.last else { return nil }
                after = try last.int64("id")
                for row in rows {
                    let subscriber = try row.int64("id")
                    let data = OutboxData.encode(["newsletter": String(issue.id), "subscriber": String(subscriber)])
                    let outbox = try database.query(
                        """
                        INSERT INTO outbox (template, order_id, recipient, data, status, next_attempt_at, created_at)
                        VALUES (?, NULL, ?, ?, 'pending', ?, ?) RETURNING id
                        """, [.text(Email.newsletter.rawValue), .text(try row.text("email")), .text(data), .integer(now), .integer(now)]
                    )[0].int64("id")
                    try database.execute(
                        "INSERT INTO newsletter_recipients (newsletter_id, subscriber_id, outbox_id, queued_at) VALUES (?, ?, ?, ?)",
                        [.integer(issue.id), .integer(subscriber), .integer(outbox), .integer(now)])
                }
                return rows.count
            }
            guard let count else { return queued }
            queued += count
        }
    }

    /// Records that `subscriber` followed a link of newsletter `newsletterID` in `section`;
    /// false (nothing recorded) when either is unknown.
    @discardableResult
    public func recordNewsletterClick(newsletterID: Int64, subscriberID: Int64, section: String, target: String, now: Int64) throws -> Bool
    {
        try database.execute(
            """
            INSERT INTO newsletter_clicks (newsletter_id, subscriber_id, section, target, clicked_at)
            SELECT n.id, s.id, ?, ?, ? FROM newsletters n, subscribers s WHERE n.id = ? AND s.id = ?
            """, [.text(section), .text(target), .integer(now), .integer(newsletterID), .integer(subscriberID)]) > 0
    }

    /// Records that `subscriber` opened newsletter `newsletterID` (its open pixel was loaded),
    /// the first time only; false (nothing recorded) when it was recorded before or the
    /// subscriber was never sent that newsletter.
    @discardableResult
    public func recordNewsletterOpen(newsletterID: Int64, subscriberID: Int64, now: Int64) throws -> Bool {
        try database.execute(
            "UPDATE newsletter_recipients SET opened_at = ? WHERE newsletter_id = ? AND subscriber_id = ? AND opened_at IS NULL",
            [.integer(now), .integer(newsletterID), .integer(subscriberID)]) > 0
    }

    /// Suppresses `email` after a mail server refused it for good: it stays on the list as
    /// `bounced` and gets no campaign mail until it confirms again. Returns whether a
    /// subscriber has that address.
    @discardableResult
    public func suppressBouncedAddress(_ email: String, now: Int64) throws -> Bool {
        try database.execute(
            "UPDATE subscribers SET bounced_at = COALESCE(bounced_at, ?) WHERE email = ?",
            [.integer(now), .text(Customer.normalize(email: email))]) > 0
    }

    /// What became of `issue`: queued, sent, failed, bounced, unsubscribed and opened
    /// recipients, and clicks per section.
    public func newsletterStats(_ issue: NewsletterIssue) throws -> NewsletterStats {
        let counts = try database.query(
            """
            SELECT COUNT(*) AS queued,
                SUM(CASE WHEN o.status = 'sent' THEN 1 ELSE 0 END) AS sent,
                SUM(CASE WHEN o.status = 'failed' THEN 1 ELSE 0 END) AS failed,
                SUM(CASE WHEN s.bounced_at >= r.queued_at THEN 1 ELSE 0 END) AS bounced,
                SUM(CASE WHEN s.unsubscribed_at >= r.queued_at THEN 1 ELSE 0 END) AS unsubscribed,
                SUM(CASE WHEN r.opened_at IS NOT NULL THEN 1 ELSE 0 END) AS opened
            FROM newsletter_recipients r
            JOIN outbox o ON o.id = r.outbox_id
            JOIN subscribers s ON s.id = r.subscriber_id
            WHERE r.newsletter_id = ?
            """, [.integer(issue.id)])[0]
        let sections = try database.query(
            """
            SELECT section, COUNT(*) AS clicks, COUNT(DISTINCT subscriber_id) AS clickers FROM newsletter_clicks
            WHERE newsletter_id = ? GROUP BY section ORDER BY section
            """, [.integer(issue.id)]
        ).map { NewsletterStats.Section(section: try $0.text("section"), clicks: try $0.int("clicks"), clickers: try $0.int("clickers")) }
        func count(_ column: String) throws -> Int { try counts.optionalInt64(column).map { Int($0) } ?? 0 }
        return NewsletterStats(
            issue: issue, queued: try count("queued"), sent: try count("sent"), failed: try count("failed"), bounced: try count("bounced"),
            unsubscribed: try count("unsubscribed"), opened: try count("opened"), sections: sections)
    }
}

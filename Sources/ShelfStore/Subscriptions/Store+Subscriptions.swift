extension Store {
    /// At most this many confirmation emails go to one address in a day.
    public static let confirmationsPerDay = 3
    /// At most this many sign-ups are taken from one client address in an hour.
    public static let signUpsPerClientHour = 10
    /// How long a confirmation link works: two days.
    public static let subscriptionLinkLifetime: Int64 = 172_800

    /// Records a sign-up of `email` (a mailable address) for what `request` asks, and queues a
    /// confirmation email with the single-use link of `confirmation` — unless the address is
    /// confirmed and already gets it, it had ``confirmationsPerDay`` emails today, or `client`
    /// made ``signUpsPerClientHour`` sign-ups in the last hour.
    ///
    /// Nothing is subscribed until the link is followed (``confirmSubscription(tokenHash:now:)``).
    ///
    /// ```swift
    /// let outcome = try store.requestSubscription(email: "ann@example.com", request, confirmation: token, client: ip, now: now)
    /// ```
    @discardableResult
    public func requestSubscription(
        email: String, _ request: SubscriptionRequest, confirmation: AccountToken, client: String, now: Int64
    ) throws -> SubscriptionOutcome {
        let email = Customer.normalize(email: email)
        return try database.transaction {
            if !client.isEmpty {
                try database.execute("DELETE FROM subscribe_attempts WHERE created_at <= ?", [.integer(now - 3600)])
                let recent = try database.query(
                    "SELECT COUNT(*) AS n FROM subscribe_attempts WHERE client = ? AND created_at > ?",
                    [.text(client), .integer(now - 3600)])
                guard try recent[0].int("n") < Self.signUpsPerClientHour else { return .clientLimited }
                try database.execute("INSERT INTO subscribe_attempts (client, created_at) VALUES (?, ?)", [.text(client), .integer(now)])
            }
            try database.execute(
                "INSERT INTO subscribers (email, status, created_at) VALUES (?, 'pending', ?) ON CONFLICT (email) DO NOTHING",
                [.text(email), .integer(now)])
            // Locked (on PostgreSQL) while the day's emails are counted, so two hosts cannot both
            // send the fourth.
            guard let subscriber = try findSubscriber("email = ?\(database.dialect.forUpdate)", [.text(email)]) else {
                throw DatabaseError(message: "the subscriber \(email) was not recorded")
            }
            if subscriber.status == .confirmed, try alreadyGets(request, subscriber) { return .nothingToChange }
            let sent = try database.query(
                "SELECT COUNT(*) AS n FROM subscription_tokens WHERE subscriber_id = ? AND created_at > ?",
                [.integer(subscriber.id), .integer(now - 86_400)])
            guard try sent[0].int("n") < Self.confirmationsPerDay else { return .addressLimited }
            let consent = try recordConsent(request, subscriberID: subscriber.id, now: now, confirmed: false)
            try database.execute(
                """
                INSERT INTO subscription_tokens (subscriber_id, consent_id, token_hash, created_at, expires_at) VALUES (?, ?, ?, ?, ?)
                """,
                [
                    .integer(subscriber.id), .integer(consent), .text(confirmation.hash), .integer(now),
                    .integer(now + Self.subscriptionLinkLifetime),
                ])
            var data = ["nonce": confirmation.nonce]
            if let sku = request.sku {
                data["sku"] = sku
                data["title"] = try sellableVariant(sku: sku).map(Self.alertTitle) ?? sku
            }
            try enqueue(.subscribeConfirm, orderID: nil, recipient: email, data: data, now: now)
            return .confirmationQueued
        }
    }

    /// Follows a confirmation link: the address becomes confirmed, and gets what its request
    /// asked (the topics, or the SKU's back-in-stock email, queued at once when the SKU is
    /// already back). Returns the subscriber and what it confirmed; nil when the link is unknown,
    /// used or expired.
    public func confirmSubscription(tokenHash: String, now: Int64) throws -> (subscriber: Subscriber, request: SubscriptionRequest)? {
        try database.transaction {
            guard
                let used = try database.query(
                    """
                    UPDATE subscription_tokens SET used_at = ? WHERE token_hash = ? AND used_at IS NULL AND expires_at > ?
                    RETURNING subscriber_id, consent_id
                    """, [.integer(now), .text(tokenHash), .integer(now)]
                ).first
            else { return nil }
            let id = try used.int64("subscriber_id")
            let consentID = try used.int64("consent_id")
            try database.execute("UPDATE subscription_consents SET confirmed_at = ? WHERE id = ?", [.integer(now), .integer(consentID)])
            guard
                let consent = try database.query("SELECT * FROM subscription_consents WHERE id = ?", [.integer(consentID)]).first.map(
                    SubscriptionConsent.init)
            else { return nil }
            try markConfirmed(id, now: now)
            if let sku = consent.request.sku {
                try database.execute(
                    """
                    INSERT INTO stock_alerts (subscriber_id, sku, created_at) VALUES (?, ?, ?)
                    ON CONFLICT (subscriber_id, sku) DO UPDATE SET notified_at = NULL, created_at = excluded.created_at
                    """, [.integer(id), .text(sku), .integer(now)])
                _ = try queueDueStockAlerts(now: now)
            } else {
                try addTopics(consent.request.topics, to: id)
            }
            return try subscriber(id: id).map { ($0, consent.request) }
        }
    }

    /// Unsubscribes from everything, idempotently: no topics, no waiting back-in-stock emails.
    /// Nil when there is no such subscriber.
    @discardableResult
    public func unsubscribe(_ id: Int64, now: Int64) throws -> Subscriber? {
        try database.transaction {
            try database.execute(
                """
                UPDATE subscribers SET status = 'unsubscribed',
                    unsubscribed_at = CASE WHEN status = 'unsubscribed' THEN unsubscribed_at ELSE ? END
                WHERE id = ?
                """, [.integer(now), .integer(id)])
            try database.execute("DELETE FROM subscriber_topics WHERE subscriber_id = ?", [.integer(id)])
            try database.execute("DELETE FROM stock_alerts WHERE subscriber_id = ? AND notified_at IS NULL", [.integer(id)])
            return try subscriber(id: id)
        }
    }

    /// Sets the topics of a subscriber who has confirmed an address before (the preference
    /// page, reached from a signed link in an email), recording the choice as a consent from
    /// `source` with `wording`. Choosing topics after unsubscribing subscribes again. Nil for
    /// an unknown or never-confirmed subscriber.
    @discardableResult
    public func setTopics(_ topics: [String], of id: Int64, source: String, wording: String, now: Int64) throws -> Subscriber? {
        try database.transaction {
            guard let subscriber = try subscriber(id: id), subscriber.confirmedAt != nil else { return nil }
            try database.execute("DELETE FROM subscriber_topics WHERE subscriber_id = ?", [.integer(id)])
            guard !topics.isEmpty else { return try self.subscriber(id: id) }
            _ = try recordConsent(
                SubscriptionRequest(source: source, wording: wording, topics: topics), subscriberID: id, now: now, confirmed: true)
            try markConfirmed(id, now: now)
            try addTopics(topics, to: id)
            return try self.subscriber(id: id)
        }
    }

    /// The subscriber with this id, with its topics.
    public func subscriber(id: Int64) throws -> Subscriber? {
        try findSubscriber("id = ?", [.integer(id)])
    }

    /// The subscriber of `email` (any letter case), with its topics.
    public func subscriber(email: String) throws -> Subscriber? {
        try findSubscriber("email = ?", [.text(Customer.normalize(email: email))])
    }

    /// Every subscriber, by address; with `status`, only those in it.
    public func subscribers(status: Subscriber.Status? = nil) throws -> [Subscriber] {
        let filter =
            switch status {
            case nil: ""
            case .bounced?: "WHERE bounced_at IS NOT NULL"
            default: "WHERE status = ? AND bounced_at IS NULL"
            }
        let values: [SQLValue] = status.flatMap { $0 == .bounced ? nil : [.text($0.rawValue)] } ?? []
        let rows = try database.query("SELECT \(Subscriber.columns) FROM subscribers \(filter) ORDER BY email", values)
        var topics: [Int64: [String]] = [:]
        for row in try database.query("SELECT subscriber_id, topic FROM subscriber_topics ORDER BY topic") {
            topics[try row.int64("subscriber_id"), default: []].append(try row.text("topic"))
        }
        return try rows.map { try Subscriber($0, topics: topics[try $0.int64("id")] ?? []) }
    }

    /// The confirmed subscribers who get `topic`: a campaign's recipients.
    public func confirmedSubscribers(topic: String) throws -> [Subscriber] {
        try database.query(
            """
            SELECT \(Subscriber.columns) FROM subscribers
            WHERE status = 'confirmed' AND bounced_at IS NULL AND id IN (SELECT subscriber_id FROM subscriber_topics WHERE topic = ?)
            ORDER BY id
            """, [.text(topic)]
        ).map { try Subscriber($0, topics: try topics(of: try $0.int64("id"))) }
    }

    /// The consents the address gave, oldest first: for the shopper's data export.
    public func consents(email: String) throws -> [SubscriptionConsent] {
        try database.query(
            """
            SELECT * FROM subscription_consents WHERE subscriber_id = (SELECT id FROM subscribers WHERE email = ?)
            ORDER BY given_at, id
            """, [.text(Customer.normalize(email: email))]
        ).map(SubscriptionConsent.init)
    }

    private func findSubscriber(_ condition: String, _ values: [SQLValue]) throws -> Subscriber? {
        guard let row = try database.query("SELECT \(Subscriber.columns) FROM subscribers WHERE \(condition)", values).first else {
            return nil
        }
        return try Subscriber(row, topics: try topics(of: try row.int64("id")))
    }

    private func topics(of id: Int64) throws -> [String] {
        try database.query("SELECT topic FROM subscriber_topics WHERE subscriber_id = ? ORDER BY topic", [.integer(id)]).map {
            try $0.text("topic")
        }
    }

    /// True when a confirmed subscriber already has all it asks: the topics, or a waiting alert.
    private func alreadyGets(_ request: SubscriptionRequest, _ subscriber: Subscriber) throws -> Bool {
        guard let sku = request.sku else { return Set(request.topics).isSubset(of: subscriber.topics) }
        return try !database.query(
            "SELECT id FROM stock_alerts WHERE subscriber_id = ? AND sku = ? AND notified_at IS NULL",
            [.integer(subscriber.id), .text(sku)]
        ).isEmpty
    }

    private func recordConsent(_ request: SubscriptionRequest, subscriberID: Int64, now: Int64, confirmed: Bool) throws -> Int64 {
        try database.query(
            """
            INSERT INTO subscription_consents (subscriber_id, source, wording, topics, sku, given_at, confirmed_at)
            VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id
            """,
            [
                .integer(subscriberID), .text(request.source), .text(request.wording), .text(request.topics.joined(separator: " ")),
                .text(request.sku), .integer(now), confirmed ? .integer(now) : .null,
            ]
        )[0].int64("id")
    }

    private func markConfirmed(_ id: Int64, now: Int64) throws {
        try database.execute(
            """
            UPDATE subscribers SET confirmed_at = CASE WHEN status = 'confirmed' THEN confirmed_at ELSE ? END,
                status = 'confirmed', unsubscribed_at = NULL, bounced_at = NULL
            WHERE id = ?
            """, [.integer(now), .integer(id)])
    }

    private func addTopics(_ topics: [String], to id: Int64) throws {
        for topic in Set(topics).sorted() {
            try database.execute(
                "INSERT INTO subscriber_topics (subscriber_id, topic) VALUES (?, ?) ON CONFLICT DO NOTHING", [.integer(id), .text(topic)])
        }
    }
}

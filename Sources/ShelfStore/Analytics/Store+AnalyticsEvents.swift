extension Store {
    /// The length of an analytics day, in seconds; days start at midnight UTC.
    public static let analyticsDay: Int64 = 86_400

    /// The secret salt of the day `now` falls in, which visitor hashes are made with.
    ///
    /// The first call of a day stores `candidate` (64 hex characters from a random source) and
    /// deletes the salts of earlier days, so a hash of yesterday can no longer be made again;
    /// every later call that day returns the same salt, on any process or host.
    public func analyticsSalt(now: Int64, candidate: String) throws -> String {
        let database = try analyticsDatabase()
        let day = now / Self.analyticsDay
        if let salt = try database.query("SELECT salt FROM analytics_salts WHERE day = ?", [.integer(day)]).first {
            return try salt.text("salt")
        }
        return try database.transaction {
            try database.execute("DELETE FROM analytics_salts WHERE day < ?", [.integer(day)])
            try database.execute(
                "INSERT INTO analytics_salts (day, salt) VALUES (?, ?) ON CONFLICT (day) DO NOTHING", [.integer(day), .text(candidate)])
            return try database.query("SELECT salt FROM analytics_salts WHERE day = ?", [.integer(day)])[0].text("salt")
        }
    }

    /// Records `event` of `visitor` (a day's visitor hash, 32 hex characters) at `now`, in one
    /// INSERT; returns false, recording nothing, when `perMinute` is given and the visitor has
    /// recorded that many events in the last minute already.
    ///
    /// The check reads at most `perMinute` rows of the visitor's index, so a flood from one
    /// client costs each request the same bounded work.
    @discardableResult
    public func record(_ event: AnalyticsEvent, visitor: String, now: Int64, perMinute: Int? = nil) throws -> Bool {
        let database = try analyticsDatabase()
        if let perMinute {
            let recent = try database.query(Self.recentEvents, [.text(visitor), .integer(now - 60), .int(perMinute)])
            guard try recent[0].int("n") < perMinute else { return false }
        }
        try database.execute(Self.insertEvent, Self.arguments(of: event, visitor: visitor, at: now))
        return true
    }

    /// How many events (up to its third argument) the visitor (the first) recorded after the
    /// time given second: a range of the `(visitor, at)` index, cut at the limit.
    static let recentEvents =
        "SELECT COUNT(*) AS n FROM (SELECT 1 FROM analytics_events WHERE visitor = ? AND at > ? LIMIT ?) AS recent"

    /// The events recorded from `since` on, oldest first, with their visitor hashes: for tests
    /// and for `shelf analytics` to show what is kept.
    public func analyticsEvents(since: Int64 = 0) throws -> [(visitor: String, at: Int64, event: AnalyticsEvent)] {
        let database = try analyticsDatabase()
        return try database.query(
            """
            SELECT at, visitor, kind, path, product, referrer, utm_source, utm_medium, utm_campaign, screen, detail, amount, order_id
            FROM analytics_events WHERE at >= ? ORDER BY at, id
            """, [.integer(since)]
        ).map { row in
            guard let kind = AnalyticsEvent.Kind(rawValue: try row.text("kind")) else {
                throw DatabaseError(message: "unknown analytics event kind \(try row.text("kind"))")
            }
            let event = AnalyticsEvent(
                kind, path: try row.text("path"), product: try row.text("product"), referrer: try row.text("referrer"),
                utmSource: try row.text("utm_source"), utmMedium: try row.text("utm_medium"), utmCampaign: try row.text("utm_campaign"),
                screen: try row.text("screen"), detail: try row.text("detail"), amount: try row.int64("amount"),
                orderID: try row.optionalInt64("order_id"))
            return (try row.text("visitor"), try row.int64("at"), event)
        }
    }

    /// Records that order `orderID` was paid or refunded (`amount` in minor units), for the
    /// visitor whose checkout placed it, with the campaign (UTM source and campaign) of that
    /// visitor's first tagged page view: the order keeps what brought it. Nothing is recorded
    /// for an order no checkout event names (one placed before analytics, or erased).
    public func recordOrderEvent(_ kind: AnalyticsEvent.Kind, orderID: Int64, amount: Int64, now: Int64) throws {
        let database = try analyticsDatabase()
        try database.execute(
            """
            INSERT INTO analytics_events (at, day, visitor, kind, utm_source, utm_campaign, amount, order_id)
            SELECT CAST(? AS BIGINT), CAST(? AS BIGINT), placed.visitor, CAST(? AS TEXT),
                COALESCE((SELECT tagged.utm_source FROM analytics_events tagged
                    WHERE tagged.visitor = placed.visitor AND tagged.utm_campaign <> '' ORDER BY tagged.id LIMIT 1), ''),
                COALESCE((SELECT tagged.utm_campaign FROM analytics_events tagged
                    WHERE tagged.visitor = placed.visitor AND tagged.utm_campaign <> '' ORDER BY tagged.id LIMIT 1), ''),
                CAST(? AS BIGINT), CAST(? AS BIGINT)
            FROM analytics_events placed WHERE placed.order_id = ? AND placed.kind = 'checkout_step' ORDER BY placed.id LIMIT 1
            """,
            [
                .integer(now), .integer(now / Self.analyticsDay), .text(kind.rawValue), .integer(amount), .integer(orderID),
                .integer(orderID),
            ])
    }
}

extension Store {
    /// Records a refund the store's database has committed as a `refunded` event of the order.
    ///
    /// The money has gone back already: an analytics database that cannot be written (full,
    /// locked past the busy timeout) loses the event rather than making the refund look failed.
    func countRefund(_ orderID: Int64, amount: Int64, now: Int64) {
        _ = try? recordOrderEvent(.refunded, orderID: orderID, amount: amount, now: now)
    }
}

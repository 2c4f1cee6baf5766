import ShelfCore

extension Store {
    /// Queues one back-in-stock email to each confirmed subscriber waiting for a SKU that is
    /// available again, and ends those requests; returns how many were queued.
    ///
    /// `shelf stock set`, `adjust` and `import` call it after changing levels. Each request is
    /// claimed by one conditional update, so two runs at once never email an address twice.
    @discardableResult
    public func queueBackInStockEmails(now: Int64) throws -> Int {
        try database.transaction { try queueDueStockAlerts(now: now) }
    }

    /// ``queueBackInStockEmails(now:)`` inside the caller's write transaction.
    func queueDueStockAlerts(now: Int64) throws -> Int {
        // Correlated EXISTS, not `sku IN (SELECT sku FROM stock ...)`: SQLite would build that
        // list from the whole stock table (600,000 SKUs at 50,000 products, spilled to a temporary
        // file) on every stock command, even with no request waiting.
        let due = try database.query(
            """
            UPDATE stock_alerts SET notified_at = ?
            WHERE notified_at IS NULL
                AND EXISTS (
                    SELECT 1 FROM subscribers
                    WHERE subscribers.id = stock_alerts.subscriber_id AND subscribers.status = 'confirmed')
                AND EXISTS (
                    SELECT 1 FROM stock
                    WHERE stock.sku = stock_alerts.sku AND stock.on_hand - stock.reserved - stock.allocated > 0)
            RETURNING subscriber_id, sku
            """, [.integer(now)])
        for row in due {
            let sku = try row.text("sku")
            guard let subscriber = try subscriber(id: try row.int64("subscriber_id")) else { continue }
            var data = ["sku": sku, "subscriber": String(subscriber.id)]
            if let variant = try sellableVariant(sku: sku) {
                data["title"] = Self.alertTitle(variant)
                data["handle"] = variant.productHandle
            }
            try enqueue(.backInStock, orderID: nil, recipient: subscriber.email, data: data, now: now)
        }
        return due.count
    }

    /// The waiting back-in-stock requests of confirmed subscribers, by SKU.
    public func waitingStockAlerts() throws -> [String: Int] {
        var waiting: [String: Int] = [:]
        for row in try database.query(
            """
            SELECT sku, COUNT(*) AS n FROM stock_alerts
            WHERE notified_at IS NULL AND subscriber_id IN (SELECT id FROM subscribers WHERE status = 'confirmed')
            GROUP BY sku
            """)
        {
            waiting[try row.text("sku")] = try row.int("n")
        }
        return waiting
    }

    /// "Wool tee (Navy / M)": the product and the variant's options, for an email's words.
    static func alertTitle(_ variant: SellableVariant) -> String {
        let options = variant.options.map(\.value).joined(separator: " / ")
        return options.isEmpty ? variant.productTitle : "\(variant.productTitle) (\(options))"
    }
}

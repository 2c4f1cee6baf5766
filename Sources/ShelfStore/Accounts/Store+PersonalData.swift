extension Store {
    /// The outbox's emails to `recipient` (letter case aside), newest first: for the shopper's
    /// "download my data".
    public func mail(to recipient: String) throws -> [OutboxMessage] {
        try database.query(
            "SELECT \(OutboxMessage.columns) FROM outbox WHERE lower(recipient) = ? ORDER BY id DESC",
            [.text(Customer.normalize(email: recipient))]
        ).map(OutboxMessage.init)
    }
}

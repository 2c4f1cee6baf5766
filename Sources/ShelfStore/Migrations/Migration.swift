/// A named, ordered change to the schema. Once released, a migration never changes:
/// a new need gets a new migration at the end of ``Migration/all``.
struct Migration: Sendable {
    /// The name recorded in `schema_migrations` once applied.
    let name: String
    /// Portable SQL statements, run in order inside one transaction, written for a dialect so
    /// that the few column types the engines spell differently come from ``Dialect``.
    let statements: @Sendable (Dialect) -> [String]

    init(name: String, statements: @escaping @Sendable (Dialect) -> [String]) {
        self.name = name
        self.statements = statements
    }

    /// A migration whose statements every engine accepts as they are.
    init(name: String, statements: [String]) {
        self.init(name: name) { _ in statements }
    }

    /// Every migration, in the order they are applied.
    static let all: [Migration] = [
        .catalogue, .cart, .orders, .checkout, .fulfilment, .outbox, .openOrders, .paymentCharges, .outboxClaimHolder, .accounts,
        .oneTimeCodes, .emailChange, .addresses, .rebuiltTableNames, .search, .subscriptions, .searchFacets, .campaigns, .analytics,
        .newsletters, .newsletterOpens, .reviews, .reviewsWriting, .wishlists, .searchPostings, .reviewsReading,
        .dropSearchText,
        .searchChanges, .searchPostingChanges, .catalogueSynced, .cartLinesInOrder,
    ]
}

public import ShelfCore

/// One order in a list: enough to find it and see where it stands.
public struct OrderSummary: Hashable, Sendable {
    public let id: Int64
    public var status: OrderStatus
    public var email: String
    public var name: String
    public var total: Money
    /// The number of units ordered, over all lines.
    public var items: Int
    public var createdAt: Int64

    /// The number shoppers see.
    public var number: OrderNumber { OrderNumber(id: id) }

    /// The columns a summary is read from, selected `FROM orders`.
    static let columns = """
        id, status, email, name, total_minor, currency, created_at,
            (SELECT COALESCE(SUM(quantity), 0) FROM order_lines WHERE order_id = orders.id) AS items
        """

    init(_ row: Row) throws {
        id = try row.int64("id")
        status = try row.orderStatus("status")
        email = try row.text("email")
        name = try row.text("name")
        total = try row.money("total_minor", try row.currency("currency"))
        items = try row.int("items")
        createdAt = try row.int64("created_at")
    }
}

public import ShelfCore

/// One entry of an order's history: the status it had after something happened, and what.
public struct OrderEvent: Hashable, Sendable {
    /// Unix seconds.
    public var at: Int64
    public var status: OrderStatus
    /// What happened, for the merchant (`paid through stripe (cs_123)`).
    public var note: String
}

extension OrderEvent {
    init(_ row: Row) throws {
        self.init(at: try row.int64("at"), status: try row.orderStatus("status"), note: try row.text("note"))
    }
}

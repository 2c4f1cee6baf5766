import ShelfCore
import ShelfStore
import ShelfTesting
import Testing

/// Half an hour, the hold of an order paid on a payment page.
let halfAnHour: Int64 = 1800

extension Store {
    /// The stock row of `sku`.
    func stockRow(_ sku: String) throws -> StockRow {
        try #require(try stockList().first { $0.sku == sku })
    }

    /// Places a sample order of `lines` at the sample price.
    func placeSample(
        _ lines: [(sku: String, quantity: Int)], provider: String = "test", now: Int64 = 0, hold: Int64 = halfAnHour
    )
        throws -> Order
    {
        try placeOrder(.sample(lines, provider: provider), now: now, holdFor: hold)
    }

    /// Everything about an order that must exist.
    func details(_ order: Order) throws -> OrderDetails {
        try #require(try self.order(order.id))
    }

    /// Pays `order` in full through the test provider.
    func pay(_ order: Order, reference: String? = "ts_1", event: String? = "evt_1", now: Int64 = 10) throws -> PaymentOutcome {
        try markPaid(
            order.id, payment: PaymentConfirmation(provider: "test", reference: reference, amount: order.amounts.total, eventID: event),
            now: now)
    }
}

import ShelfCore
import ShelfTesting
import Testing

@testable import ShelfStore

struct PlaceOrderTests {
    @Test func placedOrderReservesItsStockAndKeepsWhatTheShopperSaw() throws {
        try withStockedTees(["TEE-M": 5, "TEE-S": 3]) { store in
            var draft = OrderDraft.sample([("TEE-M", 2), ("TEE-S", 1)])
            draft.lines[0].options = "Size: M"
            draft.address.street2 = "Flat 2"
            let order = try store.placeOrder(draft, now: 100, holdFor: halfAnHour)
            #expect(order.status == .pendingPayment)
            #expect(order.number.description == "1001")
            #expect(order.address == draft.address)
            #expect(order.amounts == draft.amounts)
            #expect(order.amounts.total == .euros(7500))
            #expect(order.shippingName == "Standard")
            #expect(order.reservedUntil == 100 + halfAnHour)
            #expect(order.createdAt == 100)

            let details = try store.details(order)
            #expect(details.lines.map(\.sku) == ["TEE-M", "TEE-S"])
            #expect(details.lines.map(\.hold) == [.reserved, .reserved])
            #expect(details.lines[0].options == "Size: M")
            #expect(details.lines[0].lineTotal == .euros(5000))
            #expect(details.events.map(\.status) == [.pendingPayment])
            #expect(details.payments.isEmpty)
            #expect(try store.stockRow("TEE-M").reserved == 2)
            #expect(try store.stockRow("TEE-S").reserved == 1)
        }
    }

    @Test func shortLinesFailTheWholeOrderAndAreAllListed() throws {
        try withStockedTees(["TEE-M": 1, "TEE-L": 5]) { store in
            let version = try store.stockVersion()
            #expect(
                throws: OrderError.short([
                    ShortLine(sku: "TEE-M", requested: 2, available: 1), ShortLine(sku: "TEE-S", requested: 1, available: 0),
                ])
            ) {
                try store.placeSample([("TEE-L", 1), ("TEE-M", 2), ("TEE-S", 1)])
            }
            #expect(try store.stockList().map(\.reserved) == [0, 0, 0])
            #expect(try store.orders().isEmpty)
            #expect(try store.stockVersion() == version)
        }
    }

    @Test func changedPriceIsRefused() throws {
        try withStockedTees(["TEE-M": 5, "TEE-S": 5]) { store in
            var draft = OrderDraft.sample([("TEE-M", 1), ("TEE-S", 1)], price: 2500)
            try store.syncCatalogue([.sample("tee", price: 2700)], categories: [])
            #expect(throws: OrderError.priceChanged(["TEE-M", "TEE-S"])) { try store.placeOrder(draft, now: 0, holdFor: halfAnHour) }
            draft = .sample([("TEE-M", 1)], price: 2700)
            #expect(try store.placeOrder(draft, now: 0, holdFor: halfAnHour).status == .pendingPayment)
        }
    }

    @Test func unsellableVariantsAreRefused() throws {
        try withStockedTees(["TEE-M": 5, "TEE-S": 5]) { store in
            try store.syncCatalogue([.sample("tee", skus: ["TEE-M"])], categories: [])
            #expect(throws: OrderError.unavailable(["TEE-S", "GHOST"])) {
                try store.placeSample([("TEE-M", 1), ("TEE-S", 1), ("GHOST", 1)])
            }
            #expect(try store.stockRow("TEE-M").reserved == 0)
        }
    }

    @Test func manualOrdersAwaitPayment() throws {
        try withStockedTees(["TEE-M": 5]) { store in
            let order = try store.placeSample([("TEE-M", 1)], provider: Order.manualProvider)
            #expect(order.status == .awaitingPayment)
            #expect(try store.details(order).events.map(\.status) == [.awaitingPayment])
        }
    }

    @Test func draftsThatDoNotAddUpAreRefusedBeforeTouchingStock() throws {
        try withStockedTees(["TEE-M": 5]) { store in
            var draft = OrderDraft.sample([("TEE-M", 1)])
            draft.amounts.subtotal = .euros(2400)
            #expect(throws: OrderError.self) { try store.placeOrder(draft, now: 0, holdFor: halfAnHour) }
            draft = .sample([("TEE-M", 1), ("TEE-M", 1)])
            #expect(throws: OrderError.invalidDraft("TEE-M is on more than one line")) {
                try store.placeOrder(draft, now: 0, holdFor: halfAnHour)
            }
            draft.lines = []
            #expect(throws: OrderError.invalidDraft("an order has at least one line")) {
                try store.placeOrder(draft, now: 0, holdFor: halfAnHour)
            }
            let stock = try store.stockRow("TEE-M")
            #expect(stock.reserved == 0)
        }
    }

    @Test func ordersAreListedNewestFirst() throws {
        try withStockedTees(["TEE-M": 5]) { store in
            let first = try store.placeSample([("TEE-M", 2)])
            let second = try store.placeSample([("TEE-M", 1)], provider: Order.manualProvider)
            #expect(try store.orders().map(\.id) == [second.id, first.id])
            #expect(try store.orders().map(\.items) == [1, 2])
            #expect(try store.orders(status: .awaitingPayment).map(\.number) == [second.number])
            #expect(try store.orders(status: .paid).isEmpty)
            #expect(try store.order(999) == nil)
        }
    }

    @Test func theCartIsClearedOnRequestAndTheOrderKeepsItsSession() throws {
        try withStockedTees(["TEE-M": 5]) { store in
            let session = try store.createSession(tokenHash: sampleTokenHash(1), now: 0, lifetime: 100)
            try store.addToCart("TEE-M", quantity: 2, in: session, now: 0, maxPerLine: 10)
            let lines = try store.cartLines(in: session)
            #expect(lines.map(OrderDraft.Line.init).map(\.options) == ["Size: M"])
            let order = try store.placeOrder(.sample([("TEE-M", 2)], sessionID: session.id), now: 0, holdFor: halfAnHour)
            #expect(try store.clearCart(in: session) == 1)
            #expect(try store.cartLines(in: session).isEmpty)
            try store.deleteExpiredSessions(now: 200)
            #expect(order.sessionID == session.id)
            #expect(try store.details(order).order.sessionID == nil)
        }
    }
}

import ShelfCore
import ShelfTesting
import Testing

@testable import ShelfStore

/// A session places at most one order waiting for its card payment: placing the same cart again
/// reuses it, a changed cart replaces it, and its payment empties the cart in the same transaction.
struct OpenOrderTests {
    @Test func placingTheSameDraftAgainReusesTheOrderAndReservesOnce() throws {
        try withStockedTees(["TEE-M": 10]) { store in
            let session = try store.createSession(tokenHash: sampleTokenHash(1), now: 0, lifetime: 86_400)
            let first = try store.placeFromCart([("TEE-M", 4)], of: session, now: 100)
            let again = try store.placeFromCart([("TEE-M", 4)], of: session, now: 400)
            #expect(again.id == first.id)
            #expect(again.reservedUntil == 400 + halfAnHour)
            #expect(try store.orders().count == 1)
            #expect(try store.stockRow("TEE-M").reserved == 4)
        }
    }

    @Test func aChangedCartCancelsTheOpenOrderAndReleasesItsStockFirst() throws {
        try withStockedTees(["TEE-M": 5]) { store in
            let session = try store.createSession(tokenHash: sampleTokenHash(1), now: 0, lifetime: 86_400)
            let first = try store.placeFromCart([("TEE-M", 4)], of: session, now: 100)
            // Five units: only possible when the first order's four come back first.
            let second = try store.placeFromCart([("TEE-M", 5)], of: session, now: 200)
            #expect(second.id != first.id)
            #expect(try store.details(first).order.status == .cancelled)
            #expect(try store.stockRow("TEE-M").reserved == 5)
            #expect(try store.orders(status: .pendingPayment).map(\.number) == [second.number])
            // A shopper who never paid was never sent a confirmation, so no cancellation either.
            #expect(try store.mail().isEmpty)
        }
    }

    @Test func aDraftIsPlacedOnlyWhileItsCartStillHoldsIt() throws {
        try withStockedTees(["TEE-M": 10]) { store in
            let session = try store.createSession(tokenHash: sampleTokenHash(1), now: 0, lifetime: 86_400)
            let draft = OrderDraft.sample([("TEE-M", 1)], provider: Order.manualProvider, sessionID: session.id)
            _ = try store.placeFromCart([("TEE-M", 1)], of: session, provider: Order.manualProvider, now: 100)
            // The transfer order emptied the cart; the second press priced it before that.
            #expect(throws: OrderError.cartChanged) { try store.placeOrder(draft, now: 101, holdFor: halfAnHour) }
            #expect(try store.orders().count == 1)
            #expect(try store.stockRow("TEE-M").reserved == 1)
        }
    }

    @Test func otherSessionsKeepTheirOwnOrders() throws {
        try withStockedTees(["TEE-M": 10]) { store in
            let ann = try store.createSession(tokenHash: sampleTokenHash(1), now: 0, lifetime: 86_400)
            let bob = try store.createSession(tokenHash: sampleTokenHash(2), now: 0, lifetime: 86_400)
            let first = try store.placeFromCart([("TEE-M", 2)], of: ann, now: 100)
            let second = try store.placeFromCart([("TEE-M", 2)], of: bob, now: 100)
            #expect(first.id != second.id)
            #expect(try store.stockRow("TEE-M").reserved == 4)
        }
    }

    @Test func theSchemaAllowsOneOrderAwaitingACardPaymentPerSession() throws {
        try withStockedTees(["TEE-M": 10]) { store in
            let session = try store.createSession(tokenHash: sampleTokenHash(1), now: 0, lifetime: 86_400)
            let order = try store.placeFromCart([("TEE-M", 1)], of: session, now: 100)
            #expect(throws: DatabaseError.self) {
                try store.database.execute(
                    "UPDATE orders SET session_id = ? WHERE id = ?",
                    [.integer(session.id), .integer(try store.placeOrder(.sample([("TEE-M", 1)]), now: 100, holdFor: halfAnHour).id)])
            }
            #expect(try store.details(order).order.sessionID == session.id)
        }
    }

    @Test func paymentEmptiesTheCartInItsOwnTransaction() throws {
        try withStockedTees(["TEE-M": 10]) { store in
            let session = try store.createSession(tokenHash: sampleTokenHash(1), now: 0, lifetime: 86_400)
            let order = try store.placeFromCart([("TEE-M", 2)], of: session, now: 100)
            #expect(try store.pay(order) == .paid)
            #expect(try store.cartLines(in: session).isEmpty)
        }
    }

    @Test func aRepeatedPaymentEmptiesACartThatOutlivedItButNotANewOne() throws {
        try withStockedTees(["TEE-M": 10, "TEE-S": 10]) { store in
            let session = try store.createSession(tokenHash: sampleTokenHash(1), now: 0, lifetime: 86_400)
            let order = try store.placeFromCart([("TEE-M", 2)], of: session, now: 100)
            #expect(try store.pay(order, event: "evt_1") == .paid)
            // As a crash between the payment and the clearing used to leave it:
            _ = try store.addToCart("TEE-M", quantity: 2, in: session, now: 101, maxPerLine: 10)
            #expect(try store.pay(order, event: "evt_2") == .alreadyPaid)
            #expect(try store.cartLines(in: session).isEmpty)
            // A cart filled again since is the shopper's next order: kept.
            _ = try store.addToCart("TEE-S", quantity: 1, in: session, now: 102, maxPerLine: 10)
            #expect(try store.pay(order, event: "evt_3") == .alreadyPaid)
            #expect(try store.cartLines(in: session).map(\.variant.sku) == ["TEE-S"])
        }
    }

    @Test func aTransferOrderEmptiesTheCartWhenPlacedAndNotWhenPaid() throws {
        try withStockedTees(["TEE-M": 10, "TEE-S": 10]) { store in
            let session = try store.createSession(tokenHash: sampleTokenHash(1), now: 0, lifetime: 86_400)
            let order = try store.placeFromCart([("TEE-M", 1)], of: session, provider: Order.manualProvider, now: 100)
            #expect(try store.cartLines(in: session).isEmpty)
            _ = try store.addToCart("TEE-S", quantity: 1, in: session, now: 102, maxPerLine: 10)
            let paid = try store.markPaid(
                order.id, payment: PaymentConfirmation(provider: Order.manualProvider, reference: nil, amount: order.amounts.total),
                now: 200)
            #expect(paid == .paid)
            #expect(try store.cartLines(in: session).map(\.variant.sku) == ["TEE-S"])
        }
    }
}

extension Store {
    /// Fills the session's cart with exactly `lines` and places the order a checkout would.
    func placeFromCart(
        _ lines: [(sku: String, quantity: Int)], of session: Session, provider: String = "test", now: Int64
    ) throws -> Order {
        _ = try clearCart(in: session)
        for line in lines { _ = try addToCart(line.sku, quantity: line.quantity, in: session, now: now, maxPerLine: 10) }
        return try placeOrder(.sample(lines, provider: provider, sessionID: session.id), now: now, holdFor: halfAnHour)
    }
}

@Suite struct OpenOrderCartTests {
    @Test func theStockAShoppersOwnOpenOrderHoldsCanStillGoInTheirCart() throws {
        try withStockedTees(["TEE-M": 5]) { store in
            let session = try store.createSession(tokenHash: sampleTokenHash(1), now: 0, lifetime: 86_400)
            _ = try store.placeFromCart([("TEE-M", 4)], of: session, now: 100)
            let other = try store.createSession(tokenHash: sampleTokenHash(2), now: 0, lifetime: 86_400)
            #expect(try store.addToCart("TEE-M", quantity: 5, in: other, now: 101, maxPerLine: 10).quantity == 1)
            #expect(try store.addToCart("TEE-M", quantity: 1, in: session, now: 101, maxPerLine: 10).quantity == 5)
        }
    }
}

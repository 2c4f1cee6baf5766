import ShelfCore
import ShelfTesting
import Testing

@testable import ShelfStore

struct RefundTests {
    /// A store with one paid order of two tees (€54.95).
    func withPaidOrder(_ body: (Store, Order) throws -> Void) throws {
        try withStockedTees(["TEE-M": 5]) { store in
            let order = try store.placeSample([("TEE-M", 2)])
            #expect(try store.pay(order) == .paid)
            try body(store, order)
        }
    }

    @Test func refundsAreRecordedUntilEverythingIsGivenBack() throws {
        try withPaidOrder { store, order in
            #expect(try store.recordRefund(order.id, amount: .euros(1000), reference: "re_1", now: 20))
            #expect(try store.details(order).payments.map(\.status) == [.partiallyRefunded])
            #expect(try store.recordRefund(order.id, amount: .euros(4495), reference: "re_2", now: 21))
            let details = try store.details(order)
            #expect(details.payments.map(\.status) == [.refunded])
            #expect(details.payments.map(\.amounts) == [PaymentAmounts(authorized: 5495, captured: 5495, refunded: 5495)])
            #expect(details.refunds.map(\.amount) == [.euros(1000), .euros(4495)])
            #expect(details.events.suffix(2).map(\.note) == ["refunded 10.00 EUR (re_1)", "refunded 44.95 EUR (re_2)"])
            #expect(details.order.status == .paid)
        }
    }

    @Test func refundingMoreThanWasTakenIsRefused() throws {
        try withPaidOrder { store, order throws in
            #expect(try store.recordRefund(order.id, amount: .euros(5000), reference: nil, now: 20))
            #expect(throws: OrderError.overRefund(requested: .euros(496), refundable: .euros(495))) {
                try store.recordRefund(order.id, amount: .euros(496), reference: nil, now: 21)
            }
            #expect(throws: OrderError.refundNotPositive(.euros(0))) {
                try store.recordRefund(order.id, amount: .euros(0), reference: nil, now: 21)
            }
            #expect(try store.details(order).refunds.count == 1)
        }
    }

    @Test func anUnpaidOrderHasNothingToRefund() throws {
        try withStockedTees(["TEE-M": 5]) { store in
            let order = try store.placeSample([("TEE-M", 1)])
            #expect(throws: OrderError.overRefund(requested: .euros(1), refundable: .euros(0))) {
                try store.recordRefund(order.id, amount: .euros(1), reference: nil, now: 20)
            }
        }
    }

    @Test func aRefundIsRecordedOncePerReference() throws {
        try withPaidOrder { store, order throws in
            #expect(try store.recordRefund(order.id, amount: .euros(1000), reference: "re_1", now: 20))
            #expect(try !store.recordRefund(order.id, amount: .euros(1000), reference: "re_1", now: 21))
            #expect(try store.details(order).payments.map(\.amounts.refunded) == [1000])
        }
    }

    @Test func refundsTakeFromEachPaymentInTurn() throws {
        try withPaidOrder { store, order in
            #expect(try store.pay(order, reference: "ts_2", event: "evt_2") == .paidAgain)
            #expect(try store.recordRefund(order.id, amount: .euros(6000), reference: "re_1", now: 20))
            let payments = try store.details(order).payments
            #expect(payments.map(\.amounts.refunded) == [5495, 505])
            #expect(payments.map(\.status) == [.refunded, .partiallyRefunded])
        }
    }

    @Test func theSchemaRefusesPaymentAmountsThatBreakTheRule() throws {
        try withPaidOrder { store, order in
            let id = try #require(try store.details(order).payments.first?.id)
            for change in ["refunded_minor = captured_minor + 1", "captured_minor = authorized_minor + 1", "refunded_minor = -1"] {
                #expect(throws: DatabaseError.self, "\(change)") {
                    try store.database.execute("UPDATE payments SET \(change) WHERE id = ?", [.integer(id)])
                }
            }
            #expect(throws: DatabaseError.self) {
                try store.database.execute("INSERT INTO refunds (payment_id, amount_minor, created_at) VALUES (?, 0, 0)", [.integer(id)])
            }
        }
    }
}

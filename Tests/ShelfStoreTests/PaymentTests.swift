import ShelfCore
import ShelfTesting
import Testing

@testable import ShelfStore

struct PaymentTests {
    @Test func paymentTurnsTheReservationIntoAnAllocation() throws {
        try withStockedTees(["TEE-M": 5]) { store in
            let order = try store.placeSample([("TEE-M", 2)])
            #expect(try store.pay(order) == .paid)
            #expect(
                try store.stockRow("TEE-M")
                    == StockRow(
                        sku: "TEE-M", productHandle: "tee", onHand: 5, reserved: 0, allocated: 2, isPublished: true, isActive: true))
            let details = try store.details(order)
            #expect(details.order.status == .paid)
            #expect(details.lines.map(\.hold) == [.allocated])
            #expect(details.events.map(\.status) == [.pendingPayment, .paid])
            #expect(details.events.last?.note == "paid 54.95 EUR through test (ts_1)")
            #expect(details.payments.map(\.status) == [.succeeded])
            #expect(details.payments.map(\.amounts) == [PaymentAmounts(captured: 5495)])
        }
    }

    @Test func aRepeatedEventChangesNothing() throws {
        try withStockedTees(["TEE-M": 5]) { store in
            let order = try store.placeSample([("TEE-M", 2)])
            #expect(try store.pay(order, event: "evt_1") == .paid)
            let before = try store.details(order)
            #expect(try store.pay(order, event: "evt_1", now: 20) == .duplicate)
            #expect(try store.details(order) == before)
            #expect(try store.stockRow("TEE-M").allocated == 2)
        }
    }

    @Test func anotherEventAboutTheSamePaymentFindsItPaid() throws {
        try withStockedTees(["TEE-M": 5]) { store in
            let order = try store.placeSample([("TEE-M", 2)])
            #expect(try store.pay(order, event: "evt_1") == .paid)
            #expect(try store.pay(order, event: "evt_2") == .alreadyPaid)
            #expect(try store.pay(order, event: nil) == .alreadyPaid)
            #expect(try store.details(order).payments.count == 1)
            #expect(try store.details(order).events.count == 2)
        }
    }

    @Test func aPaymentOfTheWrongAmountOrCurrencyIsRefusedAndRecordsNothing() throws {
        try withStockedTees(["TEE-M": 5]) { store in
            let order = try store.placeSample([("TEE-M", 1)])
            let total = order.amounts.total
            for amount in [Money.euros(total.minorUnits - 1), Money(minorUnits: total.minorUnits, currency: try Currency(code: "USD"))] {
                let payment = PaymentConfirmation(provider: "test", reference: "ts_1", amount: amount, eventID: "evt_1")
                #expect(throws: OrderError.amountMismatch(expected: total, received: amount)) {
                    try store.markPaid(order.id, payment: payment, now: 10)
                }
            }
            #expect(try store.details(order).payments.isEmpty)
            #expect(try store.details(order).events.count == 1)
            #expect(try store.pay(order, event: "evt_1") == .paid)
        }
    }

    @Test func lateMoneyAllocatesTheStockWhenItIsStillThere() throws {
        try withStockedTees(["TEE-M": 5]) { store in
            let order = try store.placeSample([("TEE-M", 2)], now: 0, hold: 60)
            #expect(try store.expireOrders(now: 61) == [order.id])
            let version = try store.stockVersion()
            #expect(try store.pay(order, now: 70) == .paid)
            #expect(try store.stockRow("TEE-M").allocated == 2)
            #expect(try store.skusChanged(since: version) == ["TEE-M"])
            #expect(try store.details(order).events.map(\.status) == [.pendingPayment, .expired, .paid])
        }
    }

    @Test func lateMoneyForStockSoldMeanwhileIsReportedShort() throws {
        try withStockedTees(["TEE-M": 2, "TEE-S": 1]) { store in
            let late = try store.placeSample([("TEE-M", 2), ("TEE-S", 1)], now: 0, hold: 60)
            let sooner = try store.placeSample([("TEE-M", 1)], now: 100)
            #expect(try store.details(late).order.status == .expired)
            #expect(try store.pay(late, now: 110) == .paidButShort(["TEE-M"]))
            let details = try store.details(late)
            #expect(details.order.status == .paid)
            #expect(details.lines.map(\.hold) == [.short, .allocated])
            #expect(details.events.last?.note.hasSuffix("could not allocate TEE-M: refund them") == true)
            #expect(try store.stockRow("TEE-M").reserved == 1)
            #expect(try store.stockRow("TEE-M").allocated == 0)
            #expect(try store.stockRow("TEE-S").allocated == 1)
            #expect(try store.pay(sooner, reference: "ts_2", event: "evt_2") == .paid)
        }
    }

    @Test func moneyForACancelledOrderIsRecordedToBeRefunded() throws {
        try withStockedTees(["TEE-M": 5]) { store in
            let order = try store.placeSample([("TEE-M", 2)])
            try store.cancelOrder(order.id, now: 5, note: "shopper asked")
            #expect(try store.pay(order) == .paidAfterCancellation)
            let details = try store.details(order)
            #expect(details.order.status == .cancelled)
            #expect(details.payments.map(\.status) == [.succeeded])
            #expect(details.events.last?.note == "paid 54.95 EUR through test (ts_1) after cancellation; refund this payment")
            #expect(try store.stockRow("TEE-M").allocated == 0)
            #expect(try store.pay(order, event: "evt_2") == .alreadyPaid)
        }
    }

    @Test func aSecondPaymentOfAPaidOrderIsRecordedToBeRefunded() throws {
        try withStockedTees(["TEE-M": 5]) { store in
            let order = try store.placeSample([("TEE-M", 2)])
            #expect(try store.pay(order, reference: "ts_1", event: "evt_1") == .paid)
            #expect(try store.pay(order, reference: "ts_2", event: "evt_2") == .paidAgain)
            #expect(try store.details(order).payments.map(\.attempt) == [1, 2])
            #expect(try store.stockRow("TEE-M").allocated == 2)
        }
    }

    @Test func attemptsAreNumberedAndCompletedByTheirReference() throws {
        try withStockedTees(["TEE-M": 5]) { store in
            let order = try store.placeSample([("TEE-M", 1)])
            let first = try store.startPaymentAttempt(order.id, provider: "test", now: 1)
            let second = try store.startPaymentAttempt(order.id, provider: "test", now: 2)
            #expect([first.number, second.number] == [1, 2])
            try store.setPaymentReference(second, reference: "ts_1001_2", now: 3)
            #expect(try store.pay(order, reference: "ts_1001_2") == .paid)
            let payments = try store.details(order).payments
            #expect(payments.map(\.status) == [.pending, .succeeded])
            #expect(payments.map(\.reference) == [nil, "ts_1001_2"])
            #expect(throws: OrderError.notPayable(.paid)) { try store.startPaymentAttempt(order.id, provider: "test", now: 4) }
            #expect(throws: OrderError.unknownPayment(second.id)) { try store.setPaymentReference(second, reference: "x", now: 5) }
        }
    }

    @Test func aReferenceBelongsToOneOrder() throws {
        try withStockedTees(["TEE-M": 5]) { store in
            let first = try store.placeSample([("TEE-M", 1)])
            let second = try store.placeSample([("TEE-M", 1)])
            #expect(try store.pay(first, reference: "ts_1", event: "evt_1") == .paid)
            #expect(throws: OrderError.referenceInUse(provider: "test", reference: "ts_1", orderID: first.id)) {
                try store.pay(second, reference: "ts_1", event: "evt_2")
            }
        }
    }

    @Test func aDeclinedCardLeavesTheOrderUnpaidAndItsStockReserved() throws {
        try withStockedTees(["TEE-M": 5]) { store in
            let order = try store.placeSample([("TEE-M", 2)])
            let attempt = try store.startPaymentAttempt(order.id, provider: "test", now: 1)
            try store.setPaymentReference(attempt, reference: "ts_1", now: 1)
            #expect(
                try store.recordPaymentFailure(
                    order.id, provider: "test", reference: "ts_1", reason: "card declined", eventID: "evt_1", now: 2))
            #expect(
                try !store.recordPaymentFailure(
                    order.id, provider: "test", reference: "ts_1", reason: "card declined", eventID: "evt_1", now: 3))
            let details = try store.details(order)
            #expect(details.order.status == .pendingPayment)
            #expect(details.payments.map(\.status) == [.failed])
            #expect(details.events.map(\.note) == ["placed", "payment through test (ts_1) failed: card declined"])
            #expect(try store.stockRow("TEE-M").reserved == 2)
            #expect(try store.pay(order, reference: "ts_2", event: "evt_2") == .paid)
        }
    }

    @Test func aTransferConfirmedByHandPaysAManualOrderOnce() throws {
        try withStockedTees(["TEE-M": 5]) { store in
            let order = try store.placeSample([("TEE-M", 1)], provider: Order.manualProvider)
            let transfer = PaymentConfirmation(provider: Order.manualProvider, reference: nil, amount: order.amounts.total)
            #expect(try store.markPaid(order.id, payment: transfer, now: 86_400) == .paid)
            #expect(try store.markPaid(order.id, payment: transfer, now: 86_401) == .alreadyPaid)
            #expect(try store.details(order).payments.map(\.provider) == [Order.manualProvider])
        }
    }

    @Test func anUnknownOrderCannotBePaid() throws {
        try withStockedTees([:]) { store in
            let payment = PaymentConfirmation(provider: "test", reference: "ts_1", amount: .euros(100), eventID: "evt_1")
            #expect(throws: OrderError.unknownOrder(7)) { try store.markPaid(7, payment: payment, now: 0) }
        }
    }
}

import ShelfCore
import ShelfTesting
import Testing

@testable import ShelfStore

struct OutboxTests {
    @Test func eachChangeQueuesItsEmailInItsOwnTransaction() throws {
        try withStockedTees(["TEE-M": 5]) { store in
            let card = try store.placeSample([("TEE-M", 1)])
            #expect(try store.mail().isEmpty, "an unpaid card order is not confirmed")
            _ = try store.pay(card)
            let transfer = try store.placeSample([("TEE-M", 1)], provider: Order.manualProvider)
            _ = try store.markPaid(
                transfer.id, payment: PaymentConfirmation(provider: Order.manualProvider, reference: nil, amount: transfer.amounts.total),
                now: 30)
            try store.recordRefund(card.id, amount: .euros(500), reference: "re_1", now: 40)
            try store.cancelOrder(transfer.id, now: 50, note: "")
            let unpaid = try store.placeSample([("TEE-M", 1)], now: 60)
            try store.cancelOrder(unpaid.id, now: 70, note: "")
            let sent = try store.mail().reversed().map { "\(OrderNumber(id: $0.orderID ?? 0)) \($0.email.rawValue) \($0.recipient)" }
            #expect(
                sent == [
                    "\(card.number) order-confirmation ada@example.com", "\(transfer.number) order-confirmation ada@example.com",
                    "\(transfer.number) payment-received ada@example.com", "\(card.number) refund-issued ada@example.com",
                    "\(transfer.number) order-cancelled ada@example.com",
                ])
            #expect(try store.mail(status: .pending).count == 5)
            #expect(try store.mail().first { $0.email == .refundIssued }?.data == ["amount_minor": "500"])
        }
    }

    @Test func aDuplicateWebhookQueuesNoSecondEmail() throws {
        try withStockedTees(["TEE-M": 5]) { store in
            let order = try store.placeSample([("TEE-M", 1)])
            _ = try store.pay(order, event: "evt_1")
            _ = try store.pay(order, event: "evt_1", now: 20)
            _ = try store.pay(order, event: "evt_2", now: 30)
            #expect(try store.mail().count == 1)
        }
    }

    @Test func deliveryIsClaimedOnceThenSentOrRetriedOrGivenUp() throws {
        try withStockedTees(["TEE-M": 5]) { store in
            for index in 0..<3 { _ = try store.pay(try store.placeSample([("TEE-M", 1)]), reference: "ts_\(index)", event: "evt_\(index)") }
            let due = try store.dueMail(now: 100)
            #expect(due.count == 3)
            #expect(Set(due.map(\.key)).count == 3)
            #expect(try store.claimMail(due[0].id, now: 100, until: 160))
            #expect(try !store.claimMail(due[0].id, now: 110, until: 170), "another deliverer holds it")
            #expect(try store.dueMail(now: 110).map(\.id) == [due[1].id, due[2].id])
            try store.markMailSent(due[0].id, now: 101)
            try store.markMailFailed(due[1].id, answer: "421 try later", retryAt: 400)
            try store.markMailFailed(due[2].id, answer: "550 no such user", retryAt: nil)
            #expect(try store.dueMail(now: 399).isEmpty)
            #expect(try store.dueMail(now: 400).map(\.id) == [due[1].id])
            let log = Dictionary(uniqueKeysWithValues: try store.mail().map { ($0.id, $0) })
            #expect(log[due[0].id]?.status == .sent)
            #expect(log[due[0].id]?.sentAt == 101)
            #expect(log[due[1].id]?.status == .pending)
            #expect(log[due[1].id]?.attempts == 1)
            #expect(log[due[1].id]?.lastError == "421 try later")
            #expect(log[due[2].id]?.status == .failed)
            #expect(try !store.claimMail(due[0].id, now: 500, until: 560), "a sent message is never claimed again")
            #expect(try store.claimMail(due[1].id, now: 170, until: 230), "a lapsed claim can be taken over")
        }
    }

    @Test func theStatusLinkGoesOnlyToTheOrdersEmailAndAtMostThreeTimesAnHour() throws {
        try withStockedTees(["TEE-M": 5]) { store in
            let order = try store.placeSample([("TEE-M", 1)])
            #expect(try !store.requestOrderLink(order.id, email: "eve@example.com", now: 10))
            #expect(try !store.requestOrderLink(order.id + 1, email: "ada@example.com", now: 10))
            for minute in 0..<3 { #expect(try store.requestOrderLink(order.id, email: "ADA@example.com", now: 10 + Int64(minute) * 60)) }
            #expect(try !store.requestOrderLink(order.id, email: "ada@example.com", now: 200))
            #expect(try store.requestOrderLink(order.id, email: "ada@example.com", now: 3700))
            #expect(try store.mail().allSatisfy { $0.email == .orderLink && $0.recipient == "ada@example.com" })
        }
    }
}

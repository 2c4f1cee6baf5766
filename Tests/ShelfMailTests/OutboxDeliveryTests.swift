import Foundation
import ShelfCore
import ShelfStore
import ShelfTesting
import Testing

@testable import ShelfMail

struct OutboxDeliveryTests {
    let from = try? MailAddress(email: "orders@shop.example.com", name: "Evergreen")

    func delivery(_ store: Store, _ transport: any MailTransport, attempts: Int = 3) throws -> OutboxDelivery {
        OutboxDelivery(
            store: store, transport: transport, from: try #require(from), retry: RetryPolicy(maxAttempts: attempts, firstDelay: 60)
        ) { message in
            RenderedEmail(subject: "Order \(message.key)", text: "Thank you.\n", html: "<p>Thank you.</p>", recipientName: "Ada")
        }
    }

    @Test func everyDueMessageIsSentOnceAcrossBatches() throws {
        try withTemporaryDirectory { folder in
            try withStockedTees(["TEE-M": 200]) { store in
                for index in 0..<130 {
                    _ = try store.pay(try store.placeOrder(.sample([("TEE-M", 1)]), now: 0, holdFor: 60), index)
                }
                let mailbox = folder.path + "/mail"
                let report = try delivery(store, FolderTransport(folder: mailbox)).deliverDue(batch: 50) { 100 }
                #expect(report == .init(sent: 130, retrying: 0, failed: 0))
                #expect(try FileManager.default.contentsOfDirectory(atPath: mailbox).filter { $0.hasSuffix(".eml") }.count == 130)
                #expect(try store.mail(status: .sent).count == 130)
                #expect(try delivery(store, FolderTransport(folder: mailbox)).deliverDue { 200 } == .init())
            }
        }
    }

    @Test func aServerThatCannotBeReachedIsRetriedWithGrowingDelaysThenGivenUp() throws {
        try withStockedTees(["TEE-M": 5]) { store in
            _ = try store.pay(try store.placeOrder(.sample([("TEE-M", 1)]), now: 0, holdFor: 60), 1)
            // Port 9 (discard) on loopback: nothing listens, the connection is refused.
            let unreachable = SMTPTransport(SMTPSettings(host: "127.0.0.1", port: 9, security: .none, timeoutSeconds: 5))
            let mail = try delivery(store, unreachable)
            #expect(try mail.deliverDue { 100 } == .init(sent: 0, retrying: 1, failed: 0))
            #expect(try store.mail().first?.nextAttemptAt == 160)
            #expect(try mail.deliverDue { 159 } == .init(), "not due before its retry")
            #expect(try mail.deliverDue { 160 } == .init(sent: 0, retrying: 1, failed: 0))
            #expect(try store.mail().first?.nextAttemptAt == 280)
            #expect(try mail.deliverDue(includingRetries: true) { 200 } == .init(sent: 0, retrying: 0, failed: 1))
            let given = try #require(try store.mail().first)
            #expect(given.status == .failed && given.attempts == 3 && given.lastError?.isEmpty == false)
        }
    }

    @Test func anAddressThatCanNeverBeWrittenFailsAtOnce() throws {
        try withTemporaryDirectory { folder in
            try withStockedTees(["TEE-M": 5]) { store in
                var draft = OrderDraft.sample([("TEE-M", 1)])
                draft.address.email = "ada@exämple.com"
                _ = try store.pay(try store.placeOrder(draft, now: 0, holdFor: 60), 1)
                let report = try delivery(store, FolderTransport(folder: folder.path)).deliverDue { 100 }
                #expect(report == .init(sent: 0, retrying: 0, failed: 1))
            }
        }
    }

    @Test func retriesDoubleUpToTheLongestDelay() {
        let policy = RetryPolicy(maxAttempts: 12, firstDelay: 60, longestDelay: 3600)
        #expect((1...8).map { policy.retryAt(afterAttempt: $0, now: 0) } == [60, 120, 240, 480, 960, 1920, 3600, 3600])
        #expect(policy.retryAt(afterAttempt: 12, now: 0) == nil)
    }
}

extension Store {
    /// Pays `order` through the test provider with a payment of its own.
    fileprivate func pay(_ order: Order, _ index: Int) throws -> PaymentOutcome {
        try markPaid(
            order.id,
            payment: PaymentConfirmation(provider: "test", reference: "ts_\(index)", amount: order.amounts.total, eventID: "evt_\(index)"),
            now: 10)
    }
}

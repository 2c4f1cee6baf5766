import Foundation
import ShelfCore
import ShelfStore
import ShelfTesting
import Synchronization
import Testing

@testable import ShelfMail

/// Deliverers on two hosts (two connections to one store): on PostgreSQL they take turns, so
/// the second sends nothing while the first is sending; on SQLite, one machine, they share the
/// queue and the claims keep them off each other's messages.
struct OutboxDelivererTurnTests {
    let from = try? MailAddress(email: "orders@shop.example.com", name: "Evergreen")

    func delivery(_ store: Store, _ transport: any MailTransport) throws -> OutboxDelivery {
        OutboxDelivery(
            store: store, transport: transport, from: try #require(from), retry: RetryPolicy(maxAttempts: 3, firstDelay: 60)
        ) { message in
            RenderedEmail(subject: "Order \(message.key)", text: "Thank you.\n", html: "<p>Thank you.</p>", recipientName: "Ada")
        }
    }

    @Test func aSecondDelivererWaitsForTheTurnOfTheFirst() throws {
        try withTemporaryDirectory { folder in
            let first = try makeStore(in: folder)
            try stockTees(first, ["TEE-M": 5])
            for index in 0..<3 {
                let order = try first.placeOrder(.sample([("TEE-M", 1)]), now: 0, holdFor: 60)
                _ = try first.markPaid(
                    order.id,
                    payment: PaymentConfirmation(
                        provider: "test", reference: "ts_\(index)", amount: order.amounts.total, eventID: "evt_\(index)"),
                    now: 10)
            }
            let second = try folder.openStore()
            let mailbox = FolderTransport(folder: folder.path + "/mail")
            let secondPass = try delivery(second, mailbox)
            // The second host's deliverer runs while the first one is sending its first message.
            let interrupted = InterruptedTransport(mailbox) { try secondPass.deliverDue { 100 } }
            let report = try delivery(first, interrupted).deliverDue { 100 }
            let other = try #require(interrupted.meanwhileReport.withLock { $0 })
            if TestDatabase.isPostgreSQL {
                #expect(other == .init(anotherDelivererHadTheTurn: true))
                #expect(report == .init(sent: 3))
            } else {
                #expect(other == .init(sent: 2), "no turns on SQLite: the second sends what the first has not claimed")
                #expect(report == .init(sent: 1))
            }
            #expect(try first.mail(status: .sent).count == 3)
            let files = try FileManager.default.contentsOfDirectory(atPath: folder.path + "/mail")
            #expect(files.filter { $0.hasSuffix(".eml") }.count == 3, "each message sent once")
            // The first one's pass is over: the turn is free for the second.
            #expect(try secondPass.deliverDue { 200 } == .init())
        }
    }
}

/// A transport that runs another deliverer's pass once, during its first send, then sends as
/// `inner` does.
private final class InterruptedTransport: MailTransport, Sendable {
    typealias Pass = @Sendable () throws -> OutboxDelivery.Report
    let inner: any MailTransport
    let meanwhile: Mutex<Pass?>
    /// What the other deliverer's pass reported.
    let meanwhileReport = Mutex<OutboxDelivery.Report?>(nil)

    init(_ inner: any MailTransport, meanwhile: @escaping Pass) {
        self.inner = inner
        self.meanwhile = Mutex(meanwhile)
    }

    func send(_ message: MailMessage) throws(MailDeliveryError) {
        let pass = meanwhile.withLock { pass in
            defer { pass = nil }
            return pass
        }
        if let pass {
            let report = try? pass()
            meanwhileReport.withLock { $0 = report }
        }
        try inner.send(message)
    }
}

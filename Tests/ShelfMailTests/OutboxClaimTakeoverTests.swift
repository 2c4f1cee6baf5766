import Foundation
import Glibc
import ShelfCore
import ShelfStore
import ShelfTesting
import Testing

@testable import ShelfMail

/// A deliverer killed mid-send leaves its claims behind; the next one takes over those of a
/// process that has ended, at once, and leaves those of a live one (or one it cannot judge).
struct OutboxClaimTakeoverTests {
    let from = try? MailAddress(email: "orders@shop.example.com", name: "Evergreen")

    @Test func theClaimsOfAnEndedDelivererAreSentByTheNextPassOnly() throws {
        let current = try #require(OutboxClaimHolder.current)
        let child = try Process.run(URL(fileURLWithPath: "/bin/true"), arguments: [])
        child.waitUntilExit()
        let ended = OutboxClaimHolder(boot: current.boot, namespace: current.namespace, pid: child.processIdentifier, started: "1")
        let parent = getppid()
        let live = OutboxClaimHolder(
            boot: current.boot, namespace: current.namespace, pid: parent, started: try #require(OutboxClaimHolder.startTime(of: parent)))
        let elsewhere = OutboxClaimHolder(boot: "another-machine", namespace: current.namespace, pid: child.processIdentifier, started: "1")
        #expect(ended.hasEnded && !live.hasEnded && !elsewhere.hasEnded && !current.hasEnded)

        try withTemporaryDirectory { folder in
            try withStockedTees(["TEE-M": 5]) { store in
                for index in 0..<3 {
                    let order = try store.placeOrder(.sample([("TEE-M", 1)]), now: 0, holdFor: 60)
                    _ = try store.markPaid(
                        order.id,
                        payment: PaymentConfirmation(
                            provider: "test", reference: "ts_\(index)", amount: order.amounts.total, eventID: "evt_\(index)"),
                        now: 10)
                }
                let due = try store.dueMail(now: 100)
                for (message, holder) in zip(due, [ended, live, elsewhere]) {
                    #expect(try store.claimMail(message.id, now: 100, until: 400, holder: holder.text))
                }
                let mailbox = folder.path + "/mail"
                let delivery = OutboxDelivery(
                    store: store, transport: FolderTransport(folder: mailbox), from: try #require(from),
                    retry: RetryPolicy(maxAttempts: 3, firstDelay: 60)
                ) { message in
                    RenderedEmail(subject: "Order \(message.key)", text: "Thank you.\n", html: "<p>Thank you.</p>", recipientName: "Ada")
                }
                #expect(try delivery.deliverDue { 101 } == .init(sent: 1, retrying: 0, failed: 0))
                let sent = try store.mail(status: .sent).map(\.id)
                #expect(sent == [due[0].id], "only the ended deliverer's message is taken over")
                #expect(try delivery.deliverDue { 102 } == .init(), "the live and the unknown holders keep theirs")
                #expect(try delivery.deliverDue { 401 } == .init(sent: 2, retrying: 0, failed: 0), "until their claims run out")
            }
        }
    }
}

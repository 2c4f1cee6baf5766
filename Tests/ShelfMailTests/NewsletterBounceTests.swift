import ShelfStore
import ShelfTesting
import Testing

@testable import ShelfMail

/// A newsletter delivered through a real SMTP server that refuses one address for good: that
/// subscriber is suppressed and the next newsletter leaves it out.
struct NewsletterBounceTests {
    @Test func aRecipientRefusedWith550IsSuppressed() throws {
        let server = try SMTPTestServer(["--reject-rcpt", "gone@:550"])
        defer { server.stop() }
        try withTemporaryStore { store in
            for (index, email) in ["ann@example.org", "gone@example.org"].enumerated() {
                let hash = String(repeating: String(index), count: 64)
                try store.requestSubscription(
                    email: email, SubscriptionRequest(source: "footer", wording: "News"),
                    confirmation: AccountToken(hash: hash, nonce: "n"),
                    client: "", now: 10)
                _ = try store.confirmSubscription(tokenHash: hash, now: 11)
            }
            let issue = try store.recordNewsletter(
                slug: "spring", subject: "Spring", audience: .all, html: "<p>Hi</p>", text: "Hi", links: [], now: 20)
            #expect(try store.queueNewsletter(issue, to: .all, now: 20) == 2)
            let delivery = OutboxDelivery(
                store: store,
                transport: SMTPTransport(SMTPSettings(host: "127.0.0.1", port: server.port, security: .none, timeoutSeconds: 10)),
                from: try MailAddress(email: "news@shop.example.com"), retry: RetryPolicy(maxAttempts: 3, firstDelay: 60), rate: 1000
            ) { message in
                RenderedEmail(subject: "Spring", text: "Hi\n", html: nil, recipientName: nil)
            }
            let report = try delivery.deliverDue(includingRetries: true) { 30 }
            // Each address's confirmation email, then its newsletter: Ann's two arrive, gone@'s two are refused.
            #expect(report == .init(sent: 2, retrying: 0, failed: 2))
            #expect(try store.subscriber(email: "gone@example.org")?.status == .bounced)
            #expect(try store.subscriber(email: "ann@example.org")?.status == .confirmed)
            let summer = try store.recordNewsletter(
                slug: "summer", subject: "Summer", audience: .all, html: "<p>Hi</p>", text: "Hi", links: [], now: 40)
            #expect(try store.queueNewsletter(summer, to: .all, now: 40) == 1)
            #expect(try store.newsletterStats(issue).bounced == 1)
        }
    }
}

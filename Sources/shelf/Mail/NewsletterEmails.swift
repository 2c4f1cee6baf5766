import Foundation
import ShelfConfig
import ShelfMail
import ShelfStore

/// Renders newsletter emails from the outbox: the issue recorded by `shelf newsletter send`
/// (read once per deliverer and kept), filled in for the one subscriber, with the one-click
/// unsubscribe headers. A subscriber who unsubscribed or bounced since it was queued is not
/// sent it: the message fails with that reason.
final class NewsletterEmails: @unchecked Sendable {
    let store: Store
    let config: StoreConfig
    let sessionKey: [UInt8]
    private let lock = NSLock()
    private var issues: [Int64: NewsletterIssue] = [:]

    init(store: Store, config: StoreConfig, sessionKey: [UInt8]) {
        self.store = store
        self.config = config
        self.sessionKey = sessionKey
    }

    func render(_ message: OutboxMessage) throws -> RenderedEmail {
        guard let newsletterID = message.data["newsletter"].flatMap({ Int64($0) }),
            let subscriberID = message.data["subscriber"].flatMap({ Int64($0) }), let issue = try issue(newsletterID)
        else { throw MailRenderError("newsletter \(message.key) names no newsletter or subscriber") }
        guard let subscriber = try store.subscriber(id: subscriberID), subscriber.status == .confirmed else {
            throw MailError("recipient", "unsubscribed or bounced after the newsletter was queued; not sent")
        }
        let copy = NewsletterCopy(issue, for: subscriber, baseURL: config.baseURL, key: sessionKey)
        // RFC 8058 asks for HTTPS; over plain HTTP (development) the links are in the body only.
        return RenderedEmail(
            subject: issue.subject, text: copy.text, html: copy.html, recipientName: nil,
            listUnsubscribe: try? ListUnsubscribe(url: copy.unsubscribe))
    }

    private func issue(_ id: Int64) throws -> NewsletterIssue? {
        lock.lock()
        defer { lock.unlock() }
        if let issue = issues[id] { return issue }
        let issue = try store.newsletter(id: id)
        issues[id] = issue
        return issue
    }
}

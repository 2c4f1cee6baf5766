public import ShelfStore

/// Sends what the outbox owes: claims each due message, renders it, hands it to the transport,
/// and records the outcome, one message at a time.
///
/// A message is claimed before it is sent and marked sent as soon as the server accepts it, so
/// two deliverers never send it at once and a crash can only repeat the one message in flight,
/// under the same Message-ID. A claim names its deliverer's process: the next pass of any
/// deliverer on the same machine takes over the claims of a deliverer that was killed, instead
/// of waiting for them to run out (``claimSeconds``, the only recourse across machines).
///
/// On PostgreSQL deliverers on several hosts take turns, so one sends at a time.
///
/// A refusal (SMTP 5xx) gives up at once; anything else is retried by the ``RetryPolicy``. A
/// recipient refused for good (5xx to `RCPT`) is a bounce: a subscriber with that address is
/// suppressed (``Store/suppressBouncedAddress(_:now:)``). With a `rate`, messages go out at
/// most that many a second.
///
/// ```swift
/// let delivery = OutboxDelivery(store: store, transport: transport, from: from, retry: policy, render: emails.render)
/// let report = try delivery.deliverDue(now: now)
/// ```
public struct OutboxDelivery: Sendable {
    public typealias Render = @Sendable (OutboxMessage) throws -> RenderedEmail

    let store: Store
    let transport: any MailTransport
    let from: MailAddress
    let retry: RetryPolicy
    let render: Render
    /// How long a claim lasts: longer than a send can take.
    let claimSeconds: Int64
    /// This deliverer's process, as its claims name it.
    let holder = OutboxClaimHolder.current
    /// At most this many messages a second; nil for as fast as the server takes them.
    let rate: Int?
    let log: @Sendable (String) -> Void

    public init(
        store: Store, transport: any MailTransport, from: MailAddress, retry: RetryPolicy, claimSeconds: Int64 = 300, rate: Int? = nil,
        log: @escaping @Sendable (String) -> Void = { _ in }, render: @escaping Render
    ) {
        self.rate = rate
        self.store = store
        self.transport = transport
        self.from = from
        self.retry = retry
        self.claimSeconds = claimSeconds
        self.log = log
        self.render = render
    }

    /// What one pass did.
    public struct Report: Sendable, Hashable {
        public var sent = 0
        public var retrying = 0
        public var failed = 0
        /// True when the pass did nothing because another deliverer had the turn (PostgreSQL).
        public var anotherDelivererHadTheTurn = false

        public init(sent: Int = 0, retrying: Int = 0, failed: Int = 0, anotherDelivererHadTheTurn: Bool = false) {
            self.sent = sent
            self.retrying = retrying
            self.failed = failed
            self.anotherDelivererHadTheTurn = anotherDelivererHadTheTurn
        }
    }

    /// Sends every message due, in batches of `batch` oldest first, each message at most once
    /// per pass, and reports what happened; with `includingRetries`, also the messages waiting
    /// for a later retry.
    ///
    /// One deliverer of a store works at a time (``Store/asOnlyMailDeliverer(_:)``): while
    /// another has the turn, the pass sends nothing and says so in its report.
    public func deliverDue(includingRetries: Bool = false, batch: Int = 100, now: @Sendable () -> Int64) throws -> Report {
        try store.asOnlyMailDeliverer { try deliverAll(includingRetries: includingRetries, batch: batch, now: now) }
            ?? Report(anotherDelivererHadTheTurn: true)
    }

    private func deliverAll(includingRetries: Bool, batch: Int, now: @Sendable () -> Int64) throws -> Report {
        var report = Report()
        var last: Int64 = 0
        var pace = rate.map(SendingPace.init(perSecond:))
        try takeOverAbandonedClaims(now: now())
        while true {
            let due = try store.dueMail(now: now(), includingRetries: includingRetries, after: last, limit: batch)
            guard let newest = due.last else { return report }
            last = newest.id
            for message in due {
                pace?.waitForTurn()
                try deliver(message, now: now, into: &report)
            }
        }
    }

    /// Frees the messages claimed by deliverers that have ended, so this pass sends them.
    private func takeOverAbandonedClaims(now: Int64) throws {
        for name in try store.mailClaimHolders(now: now) {
            guard let other = OutboxClaimHolder(name), other != holder, other.hasEnded else { continue }
            let count = try store.releaseMailClaims(of: name)
            log("mail: process \(other.pid) ended while it held \(count) message(s); sending them now")
        }
    }

    private func deliver(_ message: OutboxMessage, now: @Sendable () -> Int64, into report: inout Report) throws {
        let start = now()
        guard try store.claimMail(message.id, now: start, until: start + claimSeconds, holder: holder?.text) else { return }
        do {
            let mail = try mail(for: message, at: start)
            try transport.send(mail)
            try store.markMailSent(message.id, subject: mail.subject, now: now())
            report.sent += 1
        } catch let error as MailDeliveryError {
            if error.isRecipientRefused, try store.suppressBouncedAddress(message.recipient, now: now()) {
                log("mail: \(message.recipient) bounced; no more campaign mail goes to it")
            }
            try record(error.answer, permanent: error.isPermanent, for: message, now: now(), into: &report)
        } catch let error as MailError {
            // The address or subject can never make a valid message: trying again will not help.
            try record("\(error)", permanent: true, for: message, now: now(), into: &report)
        } catch {
            try record("\(error)", permanent: false, for: message, now: now(), into: &report)
        }
    }

    private func mail(for message: OutboxMessage, at date: Int64) throws -> MailMessage {
        let rendered = try render(message)
        let domain = from.email.split(separator: "@").last.map(String.init) ?? "localhost"
        var mail = try MailMessage(
            from: from, to: try MailAddress(email: message.recipient, name: rendered.recipientName), subject: rendered.subject,
            messageID: "\(message.key)@\(domain)", date: date, text: rendered.text, html: rendered.html)
        mail.listUnsubscribe = rendered.listUnsubscribe
        return mail
    }

    private func record(_ answer: String, permanent: Bool, for message: OutboxMessage, now: Int64, into report: inout Report) throws {
        let retryAt = permanent ? nil : retry.retryAt(afterAttempt: message.attempts + 1, now: now)
        try store.markMailFailed(message.id, answer: answer, retryAt: retryAt)
        if retryAt == nil { report.failed += 1 } else { report.retrying += 1 }
        log("mail \(message.key) to \(message.recipient): \(answer)" + (retryAt.map { "; retrying at \($0)" } ?? "; given up"))
    }
}

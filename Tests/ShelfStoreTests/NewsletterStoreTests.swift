import Foundation
import ShelfCore
import ShelfStore
import ShelfTesting
import Testing

struct NewsletterStoreTests {
    /// Signs `email` up and, unless `confirmed` is false, follows its confirmation link.
    @discardableResult
    static func subscribe(_ store: Store, _ email: String, topics: [String] = ["news"], confirmed: Bool = true) throws -> Subscriber {
        let hash = String(format: "%064d", UInt(bitPattern: email.hashValue) % 1_000_000_000)
        try store.requestSubscription(
            email: email, SubscriptionRequest(source: "footer", wording: "Sign up", topics: topics),
            confirmation: AccountToken(hash: hash, nonce: "n"), client: "", now: 100)
        if confirmed { _ = try store.confirmSubscription(tokenHash: hash, now: 110) }
        return try #require(try store.subscriber(email: email))
    }

    static func issue(_ store: Store, _ slug: String = "spring", audience: NewsletterAudience = .all) throws -> NewsletterIssue {
        try store.recordNewsletter(
            slug: slug, subject: "Spring", audience: audience, html: "<p>\(NewsletterIssue.linkPlaceholder(0))</p>", text: "hi",
            links: [NewsletterLink(section: "intro", target: "/products/tee/")], now: 200)
    }

    static func newsletterRecipients(_ store: Store) throws -> [String] {
        try store.mail(status: .pending).filter { $0.email == .newsletter }.map(\.recipient).sorted()
    }

    @Test func sendingTwiceQueuesEachConfirmedSubscriberOnce() throws {
        try withTemporaryStore { store in
            try Self.subscribe(store, "ann@example.com")
            try Self.subscribe(store, "bob@example.com")
            try Self.subscribe(store, "cat@example.com", confirmed: false)
            let dan = try Self.subscribe(store, "dan@example.com")
            try store.unsubscribe(dan.id, now: 150)
            let issue = try Self.issue(store)
            #expect(try store.queueNewsletter(issue, to: .all, batch: 1, now: 300) == 2)
            #expect(try store.queueNewsletter(try Self.issue(store), to: .all, now: 400) == 0)
            #expect(try Self.newsletterRecipients(store) == ["ann@example.com", "bob@example.com"])
            #expect(try store.newsletterStats(issue).queued == 2)
        }
    }

    @Test func aSendCutShortQueuesOnlyTheMissingRecipientsWhenRunAgain() throws {
        try withTemporaryStore { store in
            for name in ["ann", "bob", "cat"] { try Self.subscribe(store, "\(name)@example.com") }
            let issue = try Self.issue(store)
            // Only the first batch of one committed before the process died.
            let ann = try #require(try store.subscriber(email: "ann@example.com"))
            #expect(try store.queueNewsletter(issue, to: .topic("only-ann"), now: 300) == 0)
            try store.setTopics(["news", "only-ann"], of: ann.id, source: "preferences", wording: "Choose", now: 250)
            #expect(try store.queueNewsletter(issue, to: .topic("only-ann"), now: 300) == 1)
            #expect(try store.queueNewsletter(issue, to: .all, now: 400) == 2)
            #expect(try Self.newsletterRecipients(store) == ["ann@example.com", "bob@example.com", "cat@example.com"])
        }
    }

    @Test func aNewsletterIsRecordedOnceAndKeepsItsFirstVersion() throws {
        try withTemporaryStore { store in
            let first = try Self.issue(store)
            let again = try store.recordNewsletter(
                slug: "spring", subject: "Changed", audience: .all, html: "x", text: "y", links: [], now: 900)
            #expect(again == first)
            #expect(again.links == [NewsletterLink(section: "intro", target: "/products/tee/")])
        }
    }

    @Test func aTopicAudienceIsTheConfirmedSubscribersOfTheTopic() throws {
        try withTemporaryStore { store in
            try Self.subscribe(store, "ann@example.com", topics: ["offers"])
            try Self.subscribe(store, "bob@example.com", topics: ["news"])
            try Self.subscribe(store, "cat@example.com", topics: ["offers"], confirmed: false)
            #expect(try store.subscribers(in: .topic("offers")).map(\.email) == ["ann@example.com"])
            #expect(try store.subscribers(in: .all).map(\.email) == ["ann@example.com", "bob@example.com"])
        }
    }

    @Test func boughtFromIsTheConfirmedSubscribersWhoPaidForAProductOfTheCategory() throws {
        try withTemporaryStore { store in
            try store.syncCatalogue(
                [.sample("tee", categories: ["shirts"]), .sample("cap", categories: ["hats"])],
                categories: [.sample("shirts"), .sample("hats")])
            for sku in ["TEE-M", "CAP-M"] { try store.setStock(sku, to: 10) }
            // ada@example.com (the sample address) pays for a tee; bob places a cap order and never pays.
            let paid = try store.placeOrder(.sample([("TEE-M", 1)]), now: 100, holdFor: 1800)
            _ = try store.markPaid(
                paid.id, payment: PaymentConfirmation(provider: "test", reference: "p1", amount: paid.amounts.total), now: 110)
            var unpaid = OrderDraft.sample([("CAP-M", 1)])
            unpaid.address.email = "bob@example.com"
            _ = try store.placeOrder(unpaid, now: 100, holdFor: 1800)
            try Self.subscribe(store, "Ada@Example.com")
            try Self.subscribe(store, "bob@example.com")
            #expect(try store.subscribers(in: .boughtFrom(category: "shirts")).map(\.email) == ["ada@example.com"])
            #expect(try store.subscribers(in: .boughtFrom(category: "hats")).isEmpty)
        }
    }

    @Test func aBouncedAddressIsSuppressedUntilItConfirmsAgain() throws {
        try withTemporaryStore { store in
            try Self.subscribe(store, "ann@example.com")
            try Self.subscribe(store, "zed@example.com")
            let issue = try Self.issue(store)
            #expect(try store.queueNewsletter(issue, to: .all, now: 300) == 2)
            #expect(try store.suppressBouncedAddress("ZED@example.com", now: 310))
            #expect(try store.subscriber(email: "zed@example.com")?.status == .bounced)
            #expect(try store.subscribers(status: .bounced).map(\.email) == ["zed@example.com"])
            #expect(try store.subscribers(status: .confirmed).map(\.email) == ["ann@example.com"])
            #expect(try store.subscribers(in: .all).map(\.email) == ["ann@example.com"])
            #expect(try store.newsletterStats(issue).bounced == 1)
            let later = try Self.issue(store, "summer")
            #expect(try store.queueNewsletter(later, to: .all, now: 400) == 1)
            #expect(try !store.suppressBouncedAddress("nobody@example.com", now: 310))
        }
    }

    @Test func clicksAndUnsubscribesAfterTheNewsletterAreCounted() throws {
        try withTemporaryStore { store in
            let ann = try Self.subscribe(store, "ann@example.com")
            let bob = try Self.subscribe(store, "bob@example.com")
            let issue = try Self.issue(store)
            _ = try store.queueNewsletter(issue, to: .all, now: 300)
            for (who, section) in [(ann, "intro"), (ann, "intro"), (bob, "intro"), (bob, "new-in")] {
                #expect(
                    try store.recordNewsletterClick(newsletterID: issue.id, subscriberID: who.id, section: section, target: "/", now: 320))
            }
            #expect(
                try !store.recordNewsletterClick(newsletterID: issue.id + 1, subscriberID: ann.id, section: "intro", target: "/", now: 320))
            try store.unsubscribe(bob.id, now: 330)
            let stats = try store.newsletterStats(issue)
            #expect(stats.unsubscribed == 1)
            #expect(stats.pending == 2)
            #expect(
                stats.sections == [
                    NewsletterStats.Section(section: "intro", clicks: 3, clickers: 2),
                    NewsletterStats.Section(section: "new-in", clicks: 1, clickers: 1),
                ])
        }
    }

    @Test func onlyTheFirstOpenOfARecipientIsRecorded() throws {
        try withTemporaryStore { store in
            let ann = try Self.subscribe(store, "ann@example.com")
            let bob = try Self.subscribe(store, "bob@example.com")
            let cat = try Self.subscribe(store, "cat@example.com", confirmed: false)
            let issue = try Self.issue(store)
            _ = try store.queueNewsletter(issue, to: .all, now: 300)
            #expect(try store.newsletterStats(issue).opened == 0)
            #expect(try store.recordNewsletterOpen(newsletterID: issue.id, subscriberID: ann.id, now: 310))
            #expect(try !store.recordNewsletterOpen(newsletterID: issue.id, subscriberID: ann.id, now: 320))
            // Never sent it, or no such newsletter: nothing to record.
            #expect(try !store.recordNewsletterOpen(newsletterID: issue.id, subscriberID: cat.id, now: 320))
            #expect(try !store.recordNewsletterOpen(newsletterID: issue.id + 1, subscriberID: bob.id, now: 320))
            #expect(try store.newsletterStats(issue).opened == 1)
            #expect(try store.recordNewsletterOpen(newsletterID: issue.id, subscriberID: bob.id, now: 330))
            #expect(try store.newsletterStats(issue).opened == 2)
        }
    }
}

/// What a sign-up form asked for, as its consent record keeps it: the newsletters of
/// `topics`, or the one email when `sku` is back in stock.
///
/// ```swift
/// let request = SubscriptionRequest(source: "footer", wording: "Sign up for our newsletter", topics: ["news"])
/// ```
public struct SubscriptionRequest: Hashable, Sendable {
    /// The form it came from (`footer`, `account`, `back-in-stock`, `import: list.csv`).
    public var source: String
    /// The words the form showed next to its button.
    public var wording: String
    public var topics: [String]
    public var sku: String?

    public init(source: String, wording: String, topics: [String] = [], sku: String? = nil) {
        self.source = source
        self.wording = wording
        self.topics = topics
        self.sku = sku
    }
}

/// What became of a sign-up, for the log and the tests: the shopper's page must not depend on
/// it, except for ``clientLimited``.
public enum SubscriptionOutcome: Hashable, Sendable {
    /// A confirmation email is queued.
    case confirmationQueued
    /// The address already gets what was asked: nothing is sent.
    case nothingToChange
    /// The address had its three confirmation emails today.
    case addressLimited
    /// The client made too many sign-ups in the last hour; nothing was recorded.
    case clientLimited
}

/// A consent as recorded: what was asked, from where, when, and when it was confirmed.
public struct SubscriptionConsent: Hashable, Sendable {
    public var request: SubscriptionRequest
    public var givenAt: Int64
    public var confirmedAt: Int64?

    init(_ row: Row) throws {
        let topics = try row.text("topics")
        request = SubscriptionRequest(
            source: try row.text("source"), wording: try row.text("wording"),
            topics: topics.split(separator: " ").map(String.init), sku: try row.optionalText("sku"))
        givenAt = try row.int64("given_at")
        confirmedAt = try row.optionalInt64("confirmed_at")
    }
}

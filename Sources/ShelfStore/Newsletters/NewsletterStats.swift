/// What became of one newsletter (`shelf newsletter stats`).
public struct NewsletterStats: Hashable, Sendable {
    /// Clicks on the links of one section.
    public struct Section: Hashable, Sendable {
        public var section: String
        public var clicks: Int
        /// Different subscribers who clicked.
        public var clickers: Int

        public init(section: String, clicks: Int, clickers: Int) {
            self.section = section
            self.clicks = clicks
            self.clickers = clickers
        }
    }

    public var issue: NewsletterIssue
    /// One email per recipient was queued.
    public var queued: Int
    /// Accepted by the mail server.
    public var sent: Int
    /// Not sent: refused, given up, or the address left the list before its turn.
    public var failed: Int
    /// Recipients whose address was refused for good after the newsletter was queued.
    public var bounced: Int
    /// Recipients who unsubscribed after the newsletter was queued.
    public var unsubscribed: Int
    /// Recipients whose open pixel was loaded (only with `[mail] track_opens`; a lower bound,
    /// as many mail programs block images).
    public var opened: Int
    /// Clicks per section, by section.
    public var sections: [Section]

    /// Queued and not yet sent or given up.
    public var pending: Int { queued - sent - failed }
}

/// An analytics event as it is kept: what happened, the day's hash of the visitor who did it,
/// and when (Unix seconds). A FastCGI process holds a batch of these before writing them in one
/// transaction (``Store/record(_:)``).
public struct VisitorEvent: Sendable, Hashable {
    public var event: AnalyticsEvent
    /// The visitor's hash of the day the event happened (32 hex characters).
    public var visitor: String
    /// When it happened: the time the function recorded it, not the time it was written.
    public var at: Int64

    public init(_ event: AnalyticsEvent, visitor: String, at: Int64) {
        self.event = event
        self.visitor = visitor
        self.at = at
    }
}

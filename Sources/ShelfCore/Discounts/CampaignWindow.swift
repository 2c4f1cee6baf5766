/// When a campaign runs: from `starts` (included) until `ends` (excluded), in Unix seconds.
/// Either end may be open.
///
/// ```swift
/// let window = CampaignWindow(starts: 1_764_547_200, ends: 1_767_225_600)
/// window.status(at: now)   // .scheduled, .running or .ended
/// ```
public struct CampaignWindow: Hashable, Sendable {
    public var starts: Int64?
    public var ends: Int64?

    /// Where a campaign stands at a moment.
    public enum Status: String, Sendable {
        case scheduled, running, ended
    }

    public init(starts: Int64? = nil, ends: Int64? = nil) {
        self.starts = starts
        self.ends = ends
    }

    /// Scheduled before `starts`, ended from `ends` on, running in between.
    public func status(at now: Int64) -> Status {
        if let starts, now < starts { return .scheduled }
        if let ends, now >= ends { return .ended }
        return .running
    }

    /// True while the campaign runs at `now`.
    public func isRunning(at now: Int64) -> Bool { status(at: now) == .running }

    /// The first moment after `now` at which the status changes; nil when it never will again.
    public func nextChange(after now: Int64) -> Int64? {
        [starts, ends].compactMap { $0 }.filter { $0 > now }.min()
    }
}

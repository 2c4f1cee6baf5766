/// When to try a failed message again: after `firstDelay` seconds, doubling each attempt up to
/// `longestDelay`, until `maxAttempts` attempts have failed.
public struct RetryPolicy: Sendable, Hashable {
    public var maxAttempts: Int
    public var firstDelay: Int64
    public var longestDelay: Int64

    public init(maxAttempts: Int, firstDelay: Int64, longestDelay: Int64 = 6 * 3600) {
        self.maxAttempts = maxAttempts
        self.firstDelay = firstDelay
        self.longestDelay = longestDelay
    }

    /// When to try again after the attempt numbered `attempt` (1 for the first) failed at
    /// `now`; nil to give up.
    public func retryAt(afterAttempt attempt: Int, now: Int64) -> Int64? {
        guard attempt < maxAttempts else { return nil }
        var delay = firstDelay
        for _ in 1..<attempt where delay < longestDelay { delay *= 2 }
        return now + min(delay, longestDelay)
    }
}

import Glibc

/// The time a handler sees, in Unix seconds: the system's in production, fixed in tests.
public struct Clock: Sendable {
    public let now: @Sendable () -> Int64

    public init(now: @escaping @Sendable () -> Int64) {
        self.now = now
    }

    public static let system = Clock { Int64(time(nil)) }

    /// A clock stopped at `seconds`.
    public static func fixed(_ seconds: Int64) -> Clock { Clock { seconds } }
}

/// A request that cannot be answered as asked: a status, a message safe to show the shopper, and
/// the detail for the log.
///
/// ```swift
/// throw HTTPError(409, "Organic Tee in M is sold out.", log: "sold out: TEE-M")
/// ```
public struct HTTPError: Error, Sendable, CustomStringConvertible {
    public var status: Int
    /// Shown to the shopper: never a path, SQL, stack or secret.
    public var message: String
    /// Written to stderr, the web server's error log.
    public var log: String
    /// Extra response headers (`Allow` on a 405).
    public var headers: [(String, String)]

    public init(_ status: Int, _ message: String, log: String? = nil, headers: [(String, String)] = []) {
        self.status = status
        self.message = message
        self.log = log ?? message
        self.headers = headers
    }

    public var description: String { "\(status) \(log)" }

    /// The 404 of an address with nothing at it. A page that must not reveal it exists answers
    /// this very error, so nobody can tell the two apart.
    public static func notFound(log: String) -> HTTPError {
        HTTPError(404, "There is nothing at this address.", log: log)
    }
}

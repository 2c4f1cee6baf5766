/// A sign-in code as the store sees it: the keyed hash it keeps, and the nonce the outbox keeps,
/// from which the mail deliverer (holding the key) derives the code again.
public struct SignInCodeRequest: Sendable, Hashable {
    /// How long a code works: ten minutes.
    public static let lifetime: Int64 = 600
    /// Wrong tries that void a code.
    public static let maxTries = 5
    /// Codes emailed to one address per hour.
    public static let perHour = 3

    public var hash: String
    public var nonce: String

    public init(hash: String, nonce: String) {
        self.hash = hash
        self.nonce = nonce
    }
}

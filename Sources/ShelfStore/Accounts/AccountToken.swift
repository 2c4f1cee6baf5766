/// A single-use link's secret as the store sees it: what it is for, the SHA-256 (hex) the table
/// keeps, and the nonce the email's link is derived from.
///
/// The store never sees the link's secret itself. The caller makes a random `nonce`, derives the
/// secret from it with the store's secret key, and passes the secret's hash; the outbox row keeps
/// only the nonce, from which the mail deliverer (holding the same key) derives the link again.
/// Neither the database nor the outbox alone can open an account.
public struct AccountToken: Sendable, Hashable {
    public enum Purpose: String, Sendable, Hashable, CaseIterable {
        case confirm
        case unlock
        case reset
        /// Confirms a new email address of an account, from the dashboard.
        case email

        /// How long a link works, in seconds: a day to confirm an address, an hour to unlock or reset.
        public var lifetime: Int64 {
            switch self {
            case .confirm, .email: 86_400
            case .unlock, .reset: 3600
            }
        }
    }

    public var hash: String
    public var nonce: String

    public init(hash: String, nonce: String) {
        self.hash = hash
        self.nonce = nonce
    }
}

/// How the store sends email (`[mail]` in `shelf.toml`); the SMTP password is in the secrets file.
public struct MailSettings: Sendable, Hashable {
    /// The sender, `Name <email>` or a bare address, already checked.
    public var from: String
    public var transport: Transport = .folder
    /// Where ``Transport/folder`` writes `.eml` files, relative to the store folder.
    public var folder = "data/mail"
    public var smtpHost: String?
    public var smtpPort = 587
    public var smtpSecurity: SMTPSecurity = .startTLS
    /// A PEM file of CA certificates to trust for the SMTP server, relative to the store folder
    /// unless absolute.
    public var smtpCAFile: String?
    public var smtpUsername: String?
    /// How many times a message is tried before it is given up.
    public var maxAttempts = 8
    /// The wait before the first retry; each later one waits twice as long as the one before.
    public var retrySeconds = 60

    /// The longest wait between two attempts: six hours.
    public static let maximumRetrySeconds = 6 * 3600

    public enum Transport: String, Sendable, Hashable, CaseIterable {
        /// Write each message to a file in ``MailSettings/folder``: the demo and development.
        case folder
        case smtp
    }

    public enum SMTPSecurity: String, Sendable, Hashable, CaseIterable {
        case startTLS = "starttls"
        case tls
        case none
    }

    public init(from: String) {
        self.from = from
    }

    /// The wait after failed attempt number `attempt` (1 for the first try): `retrySeconds`
    /// doubled for each attempt after the first, at most six hours.
    public func retryDelay(afterAttempt attempt: Int) -> Int {
        var delay = retrySeconds
        for _ in 1..<max(1, attempt) where delay < Self.maximumRetrySeconds { delay *= 2 }
        return min(delay, Self.maximumRetrySeconds)
    }
}

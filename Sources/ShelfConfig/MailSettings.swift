/// How the store sends email: `[mail]` in `shelf.toml`. The SMTP password is a secret
/// (`smtp_password` in the secrets file), never a setting.
public struct MailSettings: Sendable, Hashable {
    /// Where messages go: an SMTP server, or a folder of `.eml` files (the demo's dev mailbox).
    public enum Transport: String, Sendable, Hashable, CaseIterable {
        case folder
        case smtp
    }

    /// How the connection to the SMTP server is protected.
    public enum Security: String, Sendable, Hashable, CaseIterable {
        /// Plain SMTP, upgraded with STARTTLS, which must succeed (port 587).
        case starttls
        /// TLS from the first byte (SMTPS, port 465).
        case tls
        /// No encryption: only for a server on the same machine.
        case none
    }

    /// The sender, `Name <address>` or a bare address.
    public var from: String
    public var transport = Transport.folder
    /// The folder the `folder` transport writes to, relative to the store unless absolute.
    public var folder = "data/mail"
    public var smtpHost = ""
    public var smtpPort = 587
    public var smtpSecurity = Security.starttls
    /// A CA bundle to verify the server with, instead of the system's (a private CA).
    public var smtpCAFile: String?
    public var smtpUsername: String?
    /// Attempts before a message is given up and marked failed.
    public var maxAttempts = 8
    /// The delay before the first retry, in seconds; it doubles on each retry, up to six hours.
    public var retrySeconds = 60
    /// At most this many messages a second from `shelf mail deliver` (`rate`); nil for as fast
    /// as the server takes them. `--rate` overrides it.
    public var rate: Int?
    /// Whether `shelf newsletter send` puts an open pixel in newsletters (`track_opens`); off
    /// by default, as it tells the store when each subscriber reads its email.
    public var trackOpens = false

    public init(from: String) {
        self.from = from
    }
}

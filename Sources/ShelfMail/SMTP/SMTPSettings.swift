/// Where and how ``SMTPTransport`` delivers: the server, its TLS, the account and a time limit.
///
/// TLS certificates are always verified, peer and host name; `caFile` adds a private CA (or a
/// self-signed test certificate) to trust instead of the system's.
public struct SMTPSettings: Sendable, Hashable {
    /// How the connection is protected.
    public enum Security: String, Sendable, Hashable, CaseIterable {
        /// Plain text, for a relay on the same machine or a test server only.
        case none
        /// `smtp://` upgraded with STARTTLS, which must succeed (port 587).
        case startTLS
        /// `smtps://`, TLS from the first byte (port 465).
        case tls
    }

    public var host: String
    public var port: Int
    public var security: Security
    /// A PEM file of CA certificates to trust for this server instead of the system's.
    public var caFile: String?
    public var username: String?
    public var password: String?
    /// The limit for a whole delivery, connection included.
    public var timeoutSeconds: Int
    /// The name this machine gives in `EHLO`; the host name when nil.
    public var localName: String?

    public init(
        host: String, port: Int = 587, security: Security = .startTLS, caFile: String? = nil,
        username: String? = nil, password: String? = nil, timeoutSeconds: Int = 30, localName: String? = nil
    ) {
        self.host = host
        self.port = port
        self.security = security
        self.caFile = caFile
        self.username = username
        self.password = password
        self.timeoutSeconds = timeoutSeconds
        self.localName = localName
    }

    /// The URL libcurl connects to; its path is the `EHLO` name.
    var url: String {
        let scheme = security == .tls ? "smtps" : "smtp"
        let host = self.host.contains(":") ? "[\(self.host)]" : self.host
        return "\(scheme)://\(host):\(port)/\(localName ?? "")"
    }
}

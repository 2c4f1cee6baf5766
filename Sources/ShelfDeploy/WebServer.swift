/// The web servers Shelf writes a configuration for.
public enum WebServer: String, CaseIterable, Sendable {
    case lighttpd, nginx, apache, caddy

    /// The name a merchant knows it by.
    public var title: String {
        switch self {
        case .lighttpd: "lighttpd"
        case .nginx: "nginx"
        case .apache: "Apache"
        case .caddy: "Caddy"
        }
    }

    /// How this server can start the functions; the first is the default. nginx and Caddy have
    /// no CGI; Apache's FastCGI (mod_proxy_fcgi) is not supported yet.
    public var gateways: [Gateway] {
        switch self {
        case .lighttpd: [.cgi, .fastCGI]
        case .apache: [.cgi]
        case .nginx, .caddy: [.fastCGI]
        }
    }

    /// The user Debian's package runs this server as.
    public var defaultUser: String {
        self == .caddy ? "caddy" : "www-data"
    }
}

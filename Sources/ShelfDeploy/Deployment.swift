public import ShelfConfig
import ShelfHTTP

/// What a web server must do for one store, whichever server it is: serve `site/`, map each
/// function under `/fn/`, and keep its run-time files in one folder. Each server's
/// configuration is written from this one value, so the four serve the store the same way.
///
/// ```swift
/// let deployment = try Deployment(
///     server: .nginx, gateway: .fastCGI, store: "/srv/shop", config: config,
///     functionsFolder: "/usr/local/lib/shelf", runFolder: "/srv/shop/.shelf/run/nginx",
///     listen: ListenAddress("0.0.0.0:80")!, user: "www-data", group: "www-data")
/// print(deployment.configuration)
/// ```
public struct Deployment: Sendable {
    public let server: WebServer
    public let gateway: Gateway
    /// The store folder, absolute; the functions receive it as `SHELF_ROOT`.
    public let store: String
    /// The folder with the function executables, absolute.
    public let functionsFolder: String
    /// The folder for the server's process id, logs, sockets and temporary files, absolute.
    public let runFolder: String
    public let listen: ListenAddress
    /// The user the functions (and the server, where it switches users) run as.
    public let user: String
    public let group: String
    /// The store's name, for the header comment.
    public let storeName: String
    /// The host of the store's base URL (`shop.example.com`).
    public let hostName: String
    /// The secrets file, relative to the store (`data/secrets.toml`).
    public let secretsFile: String

    /// Checks every value that ends up in the configuration; throws a message for the merchant.
    public init(
        server: WebServer, gateway: Gateway, store: String, config: StoreConfig, functionsFolder: String, runFolder: String,
        listen: ListenAddress, user: String, group: String
    ) throws(DeploymentError) {
        guard server.gateways.contains(gateway) else {
            throw DeploymentError("\(server.title) runs the functions as \(server.gateways.map(\.title).joined(separator: " or ")) only")
        }
        for (what, path) in [("store", store), ("functions", functionsFolder), ("run", runFolder)] {
            try Self.check(path: path, what: what)
        }
        try Self.check(path: config.secretsFile, what: "secrets file", absolute: false)
        for name in [user, group] where !Self.isAccountName(name) {
            throw DeploymentError("\"\(name)\" is not a user or group name (letters, digits, _ and -)")
        }
        // lighttpd, Apache and spawn-fcgi each refuse to switch to root ("I will not set uid to 0"):
        // a configuration naming it would not start.
        if user == "root" || group == "root" {
            throw DeploymentError(
                "the functions cannot run as root: lighttpd, Apache and spawn-fcgi refuse to switch to it, so the server would "
                    + "not start; pass --user with an unprivileged account such as www-data")
        }
        // A Unix socket path holds at most 107 bytes, and lighttpd appends "-N" to it.
        let longestName = FunctionNames.all.map(\.utf8.count).max() ?? 0
        if gateway == .fastCGI, runFolder.utf8.count + longestName + "/.sock-99".utf8.count > 107 {
            throw DeploymentError("the run folder \(runFolder) is too long for a socket path; pass a shorter --run-dir")
        }
        self.server = server
        self.gateway = gateway
        self.store = store
        self.functionsFolder = functionsFolder
        self.runFolder = runFolder
        self.listen = listen
        self.user = user
        self.group = group
        // The name goes into a comment: a line break in it would end the comment.
        self.storeName = String(config.name.unicodeScalars.filter { $0.value >= 0x20 && $0.value != 0x7F }.map(Character.init))
        self.hostName = Self.host(of: config.baseURL)
        self.secretsFile = config.secretsFile
    }

    /// The static site, the web server's document root.
    public var site: String { store + "/site" }

    /// The functions the server maps: Shelf's own, by name, and nothing else under `/fn/`.
    public var functions: [MappedFunction] {
        FunctionNames.all.map { MappedFunction(name: $0, binary: functionsFolder + "/" + $0, socket: runFolder + "/" + $0 + ".sock") }
    }

    /// The whole configuration file, comments included.
    public var configuration: String {
        switch server {
        case .lighttpd: LighttpdConfig(self).text
        case .nginx: NginxConfig(self).text
        case .apache: ApacheConfig(self).text
        case .caddy: CaddyConfig(self).text
        }
    }

    /// Paths go into four configuration languages and shell commands unquoted or in double
    /// quotes: only characters that mean nothing special in any of them are accepted.
    private static func check(path: String, what: String, absolute: Bool = true) throws(DeploymentError) {
        guard !absolute || path.hasPrefix("/") else { throw DeploymentError("the \(what) path \(path) is not absolute") }
        guard isPlain(path, allowing: "/._-+@,") else {
            throw DeploymentError(
                "the \(what) path \"\(path)\" has a space or a special character; use letters, digits and / . _ - + @ , only")
        }
    }

    private static func isAccountName(_ name: String) -> Bool {
        name.count <= 32 && !name.hasPrefix("-") && isPlain(name, allowing: "_-")
    }

    /// True when `text` is not empty and has only ASCII letters and digits and `others`.
    private static func isPlain(_ text: String, allowing others: String) -> Bool {
        !text.isEmpty
            && text.unicodeScalars.allSatisfy {
                ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0) || others.unicodeScalars.contains($0)
            }
    }

    /// `https://shop.example.com:8443` → `shop.example.com`; `localhost` for anything unusual.
    private static func host(of url: String) -> String {
        let authority = url.split(separator: "/").dropFirst().first ?? ""
        let host = String(authority.split(separator: ":").first ?? "")
        return isPlain(host, allowing: ".-") ? host : "localhost"
    }
}

/// One function as the server maps it.
public struct MappedFunction: Sendable {
    /// `cart`: the function answers `/fn/cart`, `/fn/cart/…` and `/fn/cart.json`.
    public let name: String
    /// The executable.
    public let binary: String
    /// The FastCGI socket, when the functions run as FastCGI responders.
    public let socket: String

    /// `/fn/cart`
    public var path: String { "/fn/" + name }
}

/// How the web server starts a function.
public enum Gateway: Sendable, Hashable {
    /// One process per request.
    case cgi
    /// Long-lived processes that answer request after request over a socket.
    case fastCGI

    public var title: String {
        switch self {
        case .cgi: "CGI"
        case .fastCGI: "FastCGI"
        }
    }
}

/// A value that cannot go into a configuration, with what to change.
public struct DeploymentError: Error, CustomStringConvertible {
    public var description: String
    init(_ description: String) { self.description = description }
}

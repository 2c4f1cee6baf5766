import Foundation
import ShelfConfig
import ShelfHTTP
import ShelfStore
import ShelfTesting

@testable import BeaconFunction

/// A store folder with a built site of three pages, whose beacon function answers CGI requests
/// through the real runtime.
final class BeaconFixture {
    static let baseURL = "https://shop.example"
    static let firefox = "Mozilla/5.0 (X11; Linux x86_64; rv:140.0) Gecko/20100101 Firefox/140.0"
    let directory: TemporaryDirectory
    let store: Store
    var now: Int64 = 1_795_608_000
    var settings = ""

    init(_ directory: TemporaryDirectory) throws {
        self.directory = directory
        let site = directory.file("site")
        try FileManager.default.createDirectory(atPath: site + "/products/tee", withIntermediateDirectories: true)
        for page in ["/index.html", "/products/tee/index.html"] { try Data().write(to: URL(fileURLWithPath: site + page)) }
        store = try directory.openStore(file: "data/shelf.sqlite")
        try store.migrate()
    }

    func context() throws -> FunctionContext {
        let config = try StoreConfig(toml: "name = \"Shop\"\nbase_url = \"\(Self.baseURL)\"\ncurrency = \"EUR\"\n" + settings)
        let secrets = try Secrets(toml: "session_key = \"\(String(repeating: "cd", count: 32))\"\n", name: "secrets.toml")
        return FunctionContext(
            root: directory.path, config: config, secrets: secrets, database: directory.storeLocation(file: "data/shelf.sqlite"),
            clock: .fixed(now), log: { _ in })
    }

    /// Sends `body` as `navigator.sendBeacon` does: a `text/plain` POST, from another site
    /// when `origin` says so; `headers` are request headers by CGI name (`HTTP_DNT`).
    func send(
        _ body: String, method: String = "POST", agent: String? = firefox, client: String = "203.0.113.9",
        origin: String = baseURL, headers: [String: String] = [:]
    ) throws -> Response {
        var (environment, _) = cgiRequest(method, "/", under: "/fn/beacon", origin: origin, client: client)
        let bytes = Array(body.utf8)
        if method == "POST" {
            environment["CONTENT_TYPE"] = "text/plain;charset=UTF-8"
            environment["CONTENT_LENGTH"] = String(bytes.count)
        }
        environment["HTTP_USER_AGENT"] = agent
        environment.merge(headers) { $1 }
        let responder = Responder(function: Function(name: "beacon", routes: BeaconRoutes.all), context: try context(), log: { _ in })
        var source = BytesBody(bytes)
        return responder.respond(to: environment, body: &source).response
    }

    func views() throws -> [AnalyticsEvent] { try store.analyticsEvents().map(\.event) }
}

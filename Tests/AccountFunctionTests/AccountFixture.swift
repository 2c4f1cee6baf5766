import Foundation
import ShelfConfig
import ShelfCrypto
import ShelfHTTP
import ShelfStore
import ShelfTesting
import Synchronization

@testable import AccountFunction

/// A store on disk, rendering with the repository's default theme, whose account function answers
/// CGI requests through the real runtime; one "browser" keeps the cookie between requests.
final class AccountFixture {
    static let baseURL = "https://shop.example"
    static let key = [UInt8](repeating: 0xcd, count: 32)
    static let totpKey = [UInt8](repeating: 0x7e, count: 32)
    let directory: TemporaryDirectory
    let store: Store
    var now: Int64 = 1_795_597_200
    var cookie: String?
    var client = "192.0.2.1"
    /// The secrets file's `totp_key`; nil for a file written before two-step sign-in.
    var totpKey: [UInt8]? = AccountFixture.totpKey
    /// What the function wrote to its log (the web server's error log).
    let log = LogLines()

    init(_ directory: TemporaryDirectory) throws {
        self.directory = directory
        store = try directory.makeFunctionStore(selling: ["TEE-M": 10], siteValuesFile: ThemePages.siteValuesFile)
    }

    func context() throws -> FunctionContext {
        let config = try StoreConfig(
            toml:
                "name = \"Shop\"\nbase_url = \"\(Self.baseURL)\"\ncurrency = \"EUR\"\n[checkout]\ncountries = [\"IE\", \"FR\"]\n[[shipping]]\nid = \"standard\"\nname = \"Standard\"\ncountries = \"*\"\nrate = \"4.95\"\ndelivery = \"2 days\"\n"
        )
        let totpLine = totpKey.map { "totp_key = \"\(Hex.encode($0))\"\n" } ?? ""
        let secrets = try Secrets(toml: "session_key = \"\(String(repeating: "cd", count: 32))\"\n" + totpLine, name: "secrets.toml")
        let log = self.log
        return FunctionContext(
            root: directory.path, config: config, secrets: secrets, database: directory.storeLocation(file: "data/shelf.sqlite"),
            clock: .fixed(now), log: { log.append($0) })
    }

    /// Sends one request over HTTPS and keeps the cookie it sets (an empty one is forgotten);
    /// `environment` adds or replaces CGI variables (`HTTP_ORIGIN`, `CONTENT_LENGTH`…).
    @discardableResult
    func send(
        _ method: String, _ path: String, query: String = "", form: String? = nil, environment extra: [String: String] = [:]
    ) throws -> (response: Response, html: String) {
        var (environment, body) = cgiRequest(
            method, path, under: "/fn/account", query: query, form: form, origin: Self.baseURL, client: client)
        if let cookie { environment["HTTP_COOKIE"] = cookie }
        environment.merge(extra) { $1 }
        let log = self.log
        let responder = Responder(
            function: Function(name: "account", routes: AccountRoutes.all), context: try context(), log: { log.append($0) })
        var source = BytesBody(body)
        let response = responder.respond(to: environment, body: &source).response
        if let setCookie = response.header("Set-Cookie") {
            let pair = String(setCookie.split(separator: ";")[0])
            cookie = pair.hasSuffix("=") ? nil : pair
        }
        return (response, String(decoding: response.body, as: UTF8.self))
    }

    /// The form token on the page at `path`, which also starts a session when there is none.
    func formToken(at path: String = "/login", query: String = "") throws -> String {
        let html = try send("GET", path, query: query).html
        guard let match = html.firstMatch(of: /name="_token" value="([^"]+)"/) else { throw FixtureError("no form token on \(path)") }
        return String(match.1)
    }

    /// Posts a form to `path` with the token of the page at `page` (by default `path` itself).
    @discardableResult
    func post(
        _ path: String, _ fields: [String: String], from page: String? = nil, query: String = ""
    ) throws -> (
        response: Response, html: String
    ) {
        let token = try formToken(at: page ?? path, query: query)
        var all = fields
        all["_token"] = token
        let body = all.sorted { $0.key < $1.key }.map { "\($0.key)=\(Self.encode($0.value))" }.joined(separator: "&")
        return try send("POST", path, form: body)
    }

    static func encode(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""
    }

    /// The link secret of the newest outbox email of `email` kind.
    func linkSecret(_ email: Email) throws -> String {
        guard let message = try store.mail().first(where: { $0.email == email }), let nonce = message.data["nonce"] else {
            throw FixtureError("no \(email.rawValue) email with a link")
        }
        return AccountLink.secret(nonce: nonce, key: Self.key)
    }

    /// Registers and confirms Ann, with password `password`.
    func registerAnn(password: String = "correct horse") throws {
        try post("/register", ["email": "ann@example.com", "name": "Ann", "password": password])
        try send("GET", "/confirm", query: "token=" + linkSecret(.accountConfirm))
    }
}

/// Lines a function logged, collected from whichever thread logs them.
final class LogLines: Sendable {
    private let lines = Mutex<[String]>([])

    func append(_ line: String) { lines.withLock { $0.append(line) } }
    var all: [String] { lines.withLock { $0 } }
}

struct FixtureError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

extension String {
    /// The text with tags removed and white space collapsed, as a reader sees it.
    var visibleText: String {
        replacing(/<[^>]*>/, with: " ").split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }
}

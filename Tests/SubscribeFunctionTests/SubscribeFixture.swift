import Foundation
import ShelfConfig
import ShelfHTTP
import ShelfStore
import ShelfTesting

@testable import SubscribeFunction

/// A store on disk, rendering with the repository's default theme, whose subscribe function
/// answers CGI requests through the real runtime. It sells the sample tee, `TEE-S` sold out.
final class SubscribeFixture {
    static let baseURL = "https://shop.example"
    static let key = [UInt8](repeating: 0xcd, count: 32)
    let directory: TemporaryDirectory
    let store: Store
    var now: Int64 = 1_795_597_200
    var client = "192.0.2.1"

    init(_ directory: TemporaryDirectory) throws {
        self.directory = directory
        store = try directory.makeFunctionStore(selling: ["TEE-S": 0, "TEE-M": 10], siteValuesFile: ThemePages.siteValuesFile)
    }

    func context() throws -> FunctionContext {
        let config = try StoreConfig(
            toml: """
                name = "Shop"
                base_url = "\(Self.baseURL)"
                currency = "EUR"
                [[newsletter_topics]]
                id = "arrivals"
                name = "New arrivals"
                [[newsletter_topics]]
                id = "offers"
                name = "Special offers"
                """)
        let secrets = try Secrets(toml: "session_key = \"\(String(repeating: "cd", count: 32))\"\n", name: "secrets.toml")
        return FunctionContext(
            root: directory.path, config: config, secrets: secrets, database: directory.storeLocation(file: "data/shelf.sqlite"),
            clock: .fixed(now), log: { _ in })
    }

    /// Sends one request over HTTPS from this site; `environment` adds or replaces CGI variables.
    @discardableResult
    func send(
        _ method: String, _ path: String, query: String = "", form: String? = nil, environment extra: [String: String] = [:]
    ) throws -> (response: Response, html: String) {
        var (environment, body) = cgiRequest(
            method, path, under: "/fn/subscribe", query: query, form: form, origin: Self.baseURL, client: client)
        environment.merge(extra) { $1 }
        for (name, value) in extra where value.isEmpty { environment[name] = nil }
        let responder = Responder(function: Function(name: "subscribe", routes: SubscribeRoutes.all), context: try context(), log: { _ in })
        var source = BytesBody(body)
        let response = responder.respond(to: environment, body: &source).response
        return (response, String(decoding: response.body, as: UTF8.self))
    }

    /// Posts the footer's sign-up form.
    @discardableResult
    func signUp(_ email: String, sku: String? = nil) throws -> (response: Response, html: String) {
        var form = "email=" + Self.encode(email)
        if let sku { form += "&sku=\(sku)" } else { form += "&form=footer" }
        return try send("POST", "/", form: form)
    }

    /// The link secret of the newest confirmation email to `email`.
    func confirmationSecret(to email: String) throws -> String {
        guard let message = try store.mail().first(where: { $0.email == .subscribeConfirm && $0.recipient == email }),
            let nonce = message.data["nonce"]
        else { throw FixtureError("no confirmation email to \(email)") }
        return AccountLink.secret(nonce: nonce, key: Self.key)
    }

    /// Signs `email` up and follows its confirmation link.
    func subscribe(_ email: String) throws -> Subscriber {
        try signUp(email)
        try send("GET", "/confirm", query: "token=" + confirmationSecret(to: email))
        guard let subscriber = try store.subscriber(email: email) else { throw FixtureError("\(email) is not subscribed") }
        return subscriber
    }

    func signedToken(_ subscriber: Subscriber) -> String { SubscriberLink.token(for: subscriber, key: Self.key) }

    static func encode(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""
    }
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

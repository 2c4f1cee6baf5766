import Foundation
import ShelfConfig
import ShelfCore
import ShelfHTTP
import ShelfStore
import ShelfTesting

@testable import CheckoutFunction

/// A store on disk that sells the sample tee, renders with the repository's default theme, and
/// has the checkout function answer CGI requests through the real runtime (routing, body limits,
/// the cross-site check, errors, security headers).
final class CheckoutFixture {
    static let baseURL = "https://shop.example"
    /// 25 November 2026, 09:00 UTC.
    static let placedAt: Int64 = 1_795_597_200
    static let day: Int64 = 86_400
    let directory: TemporaryDirectory
    let store: Store
    var now = placedAt
    /// The cookie header the "browser" sends back, from the last Set-Cookie.
    var cookie: String?
    /// More of `shelf.toml` (a `[payments]` table) and of the secrets file.
    var settings = ""
    var secrets = ""

    init(_ directory: TemporaryDirectory) throws {
        self.directory = directory
        store = try directory.makeFunctionStore(selling: ["TEE-M": 10, "TEE-L": 10], siteValuesFile: ThemePages.siteValuesFile)
    }

    func context() throws -> FunctionContext {
        let config = try StoreConfig(
            toml: """
                name = "Shop"
                base_url = "\(Self.baseURL)"
                currency = "EUR"
                locale = "en-IE"
                \(settings)
                """)
        let secrets = try Secrets(
            toml: "session_key = \"\(String(repeating: "cd", count: 32))\"\n\(self.secrets)", name: "secrets.toml")
        return FunctionContext(
            root: directory.path, config: config, secrets: secrets, database: directory.storeLocation(file: "data/shelf.sqlite"),
            clock: .fixed(now), log: { _ in })
    }

    /// Sends one request to the checkout function and keeps the cookie it sets.
    @discardableResult
    func send(
        _ method: String, _ path: String, query: String = "", form: String? = nil, json: String? = nil,
        headers: [String: String] = ["HTTP_ORIGIN": baseURL]
    ) throws -> Response {
        var environment = ["REQUEST_METHOD": method, "PATH_INFO": path, "QUERY_STRING": query, "REQUEST_URI": "/fn/checkout" + path]
        environment.merge(headers) { $1 }
        let body = Array((form ?? json ?? "").utf8)
        if form != nil || json != nil {
            environment["CONTENT_TYPE"] = form != nil ? "application/x-www-form-urlencoded" : "application/json"
            environment["CONTENT_LENGTH"] = String(body.count)
        } else if method == "POST" {
            environment["CONTENT_LENGTH"] = "0"
        }
        if let cookie { environment["HTTP_COOKIE"] = cookie }
        let context = try context()
        let responder = Responder(function: Function(name: "checkout", routes: CheckoutRoutes.all), context: context, log: { _ in })
        var source = BytesBody(body)
        let response = responder.respond(to: environment, body: &source).response
        if let setCookie = response.header("Set-Cookie") { cookie = String(setCookie.split(separator: ";")[0]) }
        return response
    }

    /// A placed order of two medium tees and one large (€75.00), not paid yet.
    func placeOrder() throws -> Order {
        try store.placeOrder(.sample([("TEE-M", 2), ("TEE-L", 1)]), now: now, holdFor: 1800)
    }

    /// Pays `order` in full through the test provider, `after` seconds from now.
    func pay(_ order: Order, after seconds: Int64 = 60) throws {
        _ = try store.markPaid(
            order.id, payment: PaymentConfirmation(provider: "test", reference: "ts_1", amount: order.amounts.total, eventID: "evt_1"),
            now: now + seconds)
    }

    /// The order's status page, through its signed link.
    func orderPage(_ order: Order) throws -> (response: Response, html: String) {
        let link = OrderLink.path(order.number, key: try context().secrets.sessionKey)
        let query = String(link.split(separator: "?")[1])
        let response = try send("GET", "/order", query: query, headers: [:])
        return (response, String(decoding: response.body, as: UTF8.self))
    }
}

extension String {
    /// The text with tags removed and white space collapsed, as a reader sees it.
    var visibleText: String {
        replacing(/<[^>]*>/, with: " ").split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }
}

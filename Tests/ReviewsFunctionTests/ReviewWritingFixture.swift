import Foundation
import FunctionTesting
import ShelfConfig
import ShelfCore
import ShelfHTTP
import ShelfStore
import ShelfTesting

@testable import ReviewsFunction

/// A store on disk with a delivered order of the sample tee, whose reviews function answers CGI
/// requests through the real runtime (routing, body limits, the cross-site check, errors).
final class ReviewWritingFixture {
    static let baseURL = "https://shop.example"
    static let key = [UInt8](repeating: 0xcd, count: 32)
    let directory: TemporaryDirectory
    let store: Store
    var now: Int64 = 1_795_597_200
    /// More of `shelf.toml`.
    var settings = ""

    init(_ directory: TemporaryDirectory) throws {
        self.directory = directory
        store = try directory.makeFunctionStore(selling: ["TEE-M": 10, "TEE-L": 10], siteValuesFile: ThemePages.siteValuesFile)
    }

    func context() throws -> FunctionContext {
        try directory.functionContext(baseURL: Self.baseURL, settings: settings, now: now)
    }

    /// An order of one of each of `skus` (a TEE-M and a TEE-L) placed by "Ada Lovelace", paid
    /// and shipped, and delivered unless `delivered` is false.
    func order(of skus: String..., delivered: Bool = true) throws -> Order {
        var draft = OrderDraft.sample((skus.isEmpty ? ["TEE-M", "TEE-L"] : skus).map { ($0, 1) })
        draft.address.name = "Ada Lovelace"
        let order = try store.placeOrder(draft, now: now, holdFor: 1800)
        _ = try store.markPaid(
            order.id,
            payment: PaymentConfirmation(
                provider: "test", reference: "ts_\(order.id)", amount: order.amounts.total, eventID: "evt_\(order.id)"),
            now: now)
        _ = try store.fulfil(order.id, ShipmentRequest(carrier: "An Post", trackingNumbers: ["CE1"]), now: now)
        if delivered { try store.markDelivered(order.id, now: now) }
        return order
    }

    /// The query of the review link of `line` of `order`, as the delivered email carries it.
    func linkQuery(_ order: Order, line: Int = 1, expires: Int64? = nil, key: [UInt8] = key) -> String {
        ReviewLink(order: order.number, line: line, expires: expires ?? now + ReviewLink.lifetime).query(key: key)
    }

    /// Sends one request, from this site unless `origin` says otherwise, as a browser that
    /// refuses cookies: it never sends one, as the review form needs none.
    @discardableResult
    func send(
        _ method: String, _ path: String, query: String = "", form: String? = nil, origin: String = baseURL
    ) throws -> (response: Response, html: String) {
        let (environment, body) = cgiRequest(
            method, path, under: "/fn/reviews", query: query, form: form, origin: origin, client: "192.0.2.1")
        let responder = Responder(function: Function(name: "reviews", routes: ReviewRoutes.all), context: try context(), log: { _ in })
        var source = BytesBody(body)
        let response = responder.respond(to: environment, body: &source).response
        return (response, String(decoding: response.body, as: UTF8.self))
    }

    /// Opens the form through `query` and posts `fields` with the form's hidden fields and token.
    @discardableResult
    func write(_ query: String, _ fields: [String: String], to path: String = "/write") throws -> (response: Response, html: String) {
        let page = try send("GET", "/write", query: query)
        guard page.response.status == 200 else { return page }
        var form = Self.hiddenFields(in: page.html)
        form.merge(fields) { $1 }
        return try send("POST", path, form: form.map { "\($0)=\(Self.encode($1))" }.joined(separator: "&"))
    }

    /// The hidden inputs of the first form of `html`.
    static func hiddenFields(in html: String) -> [String: String] {
        var fields: [String: String] = [:]
        for match in html.matches(of: /<input type="hidden" name="([^"]+)" value="([^"]*)">/) {
            if fields[String(match.1)] == nil { fields[String(match.1)] = String(match.2) }
        }
        return fields
    }

    static func encode(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""
    }
}

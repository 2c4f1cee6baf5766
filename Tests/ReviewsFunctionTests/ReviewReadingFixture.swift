import Foundation
import FunctionTesting
import ShelfConfig
import ShelfHTTP
import ShelfStore
import ShelfTesting

@testable import ReviewsFunction

/// A store selling the sample tee with one approved review, whose reviews function answers CGI
/// requests through the real runtime.
final class ReviewReadingFixture {
    static let baseURL = "https://shop.example"
    let directory: TemporaryDirectory
    let store: Store
    let review: Int64
    var now: Int64 = 1_795_608_000
    var settings = ""

    init(_ directory: TemporaryDirectory) throws {
        self.directory = directory
        store = try directory.openStore(file: "data/shelf.sqlite")
        try store.migrate()
        try stockTees(store, ["TEE-M": 500])
        try directory.linkRepositoryThemes(siteValuesFile: ThemePages.siteValuesFile)
        review = try store.addSampleReview(sku: "TEE-M", rating: 4, at: 1_795_000_000)
    }

    func context() throws -> FunctionContext {
        try directory.functionContext(baseURL: Self.baseURL, settings: settings, now: now)
    }

    /// POSTs `form` to `path` of the reviews function from `client`, from this site's page
    /// unless `origin` says otherwise; `json` asks for a JSON answer.
    func post(
        _ path: String, _ form: String, client: String = "203.0.113.9", origin: String = baseURL, json: Bool = false
    ) throws -> Response {
        var (environment, body) = cgiRequest("POST", path, under: "/fn/reviews", form: form, origin: origin, client: client)
        environment["HTTP_USER_AGENT"] = "Mozilla/5.0 (X11; Linux x86_64; rv:140.0) Gecko/20100101 Firefox/140.0"
        if json { environment["HTTP_ACCEPT"] = "application/json" }
        let responder = Responder(function: Function(name: "reviews", routes: ReviewRoutes.all), context: try context(), log: { _ in })
        var source = BytesBody(body)
        return responder.respond(to: environment, body: &source).response
    }

    /// GETs the all-reviews page with `query` through the real runtime.
    func get(_ query: String) throws -> (status: Int, html: String) {
        let (environment, body) = cgiRequest("GET", "/", under: "/fn/reviews", query: query, origin: Self.baseURL, client: "203.0.113.9")
        let responder = Responder(function: Function(name: "reviews", routes: ReviewRoutes.all), context: try context(), log: { _ in })
        var source = BytesBody(body)
        let response = responder.respond(to: environment, body: &source).response
        return (response.status, String(decoding: response.body, as: UTF8.self))
    }

    func stored() throws -> Review { try store.sampleReview(review)! }
}

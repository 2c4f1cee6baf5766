import Foundation
import FunctionTesting
import ShelfConfig
import ShelfCore
import ShelfCrypto
import ShelfHTTP
import ShelfStore
import ShelfTesting

@testable import WishlistFunction

/// A random source that repeats one byte, so session tokens are known in advance.
struct FixedRandom: RandomSource {
    var byte: UInt8
    func bytes(_ count: Int) -> [UInt8] { Array(repeating: byte, count: count) }
}

/// A store on disk, rendering with the repository's default theme, whose wishlist function
/// answers CGI requests through the real runtime (routing, body limits, cross-site check,
/// errors, headers), as a browser over HTTPS that keeps its session cookie. It sells the tee in
/// three sizes (`TEE-S` sold out), a mug (`MUG`, sold out) and has an unpublished product.
final class WishlistFixture {
    static let baseURL = "https://shop.example"
    let directory: TemporaryDirectory
    let store: Store
    var now: Int64 = 1_800_000_000
    /// The `Cookie` header the browser sends, from the last `Set-Cookie`.
    var cookie: String?

    static func catalogue(teePrice: Int64 = 2500) -> [Product] {
        [
            .sample("tee", price: teePrice), .sample("mug", skus: ["MUG"], price: 1200),
            .sample("hidden", skus: ["HID"], published: false),
        ]
    }

    init(_ directory: TemporaryDirectory) throws {
        self.directory = directory
        store = try directory.makeFunctionStore(selling: [:], siteValuesFile: ThemePages.siteValuesFile)
        try store.syncCatalogue(Self.catalogue(), categories: [])
        for (sku, quantity) in ["TEE-S": 0, "TEE-M": 5, "TEE-L": 5, "MUG": 0, "HID": 5] { try store.setStock(sku, to: quantity) }
    }

    func context() throws -> FunctionContext {
        try directory.functionContext(baseURL: Self.baseURL, settings: "locale = \"en-IE\"\n", now: now, random: FixedRandom(byte: 7))
    }

    /// Sends one request over HTTPS from this site; `environment` adds or replaces CGI
    /// variables (an empty value removes one). Keeps the cookie a response sets.
    @discardableResult
    func send(
        _ method: String, _ path: String, query: String = "", form: String? = nil, environment extra: [String: String] = [:]
    ) throws -> (response: Response, html: String) {
        var (environment, body) = cgiRequest(
            method, path, under: "/fn/wishlist", query: query, form: form, origin: Self.baseURL, client: "192.0.2.1")
        if let cookie { environment["HTTP_COOKIE"] = cookie }
        environment.merge(extra) { $1 }
        for (name, value) in extra where value.isEmpty { environment[name] = nil }
        let responder = Responder(function: Function(name: "wishlist", routes: WishlistRoutes.all), context: try context(), log: { _ in })
        var source = BytesBody(body)
        let response = responder.respond(to: environment, body: &source).response
        if let setCookie = response.header("Set-Cookie") { cookie = String(setCookie.split(separator: ";")[0]) }
        return (response, String(decoding: response.body, as: UTF8.self))
    }

    /// `wishlist.json`, parsed.
    func listJSON() throws -> JSON {
        try JSON.parse(try send("GET", ".json").response.body)
    }

    /// The saved product handles, as `wishlist.json` lists them.
    func saved() throws -> [String] {
        guard case .array(let handles) = try listJSON()["products"] else { return [] }
        return handles.compactMap(\.string)
    }

    /// The session's form token, as `wishlist.json` hands it to the page's script.
    func token() throws -> String {
        try listJSON()["token"]?.string ?? ""
    }

    /// The live session of the browser's cookie.
    func session() throws -> Session? {
        guard let value = cookie?.split(separator: "=", maxSplits: 1).last else { return nil }
        return try store.session(tokenHash: SessionCookie.hash(String(value)), now: now)
    }

    /// Registers Ann and logs her in on a new session replacing the browser's, as the account
    /// function does, and gives the browser the new cookie.
    func logInAnn() throws -> Int64 {
        let confirmation = AccountToken(hash: sampleTokenHash(77), nonce: "n")
        try store.register(email: "ann@example.com", name: "Ann", passwordHash: "phc", confirmation: confirmation, now: now)
        let ann = try store.customer(email: "ann@example.com")!
        let token = SessionCookie.newToken(FixedRandom(byte: 9))
        _ = try store.logIn(ann.id, tokenHash: SessionCookie.hash(token), replacing: try session(), now: now, lifetime: 3600)
        cookie = "\(SessionCookie.name(https: true))=\(token)"
        return ann.id
    }
}

extension JSON {
    /// The digits of a number value, for comparisons in tests.
    var number: String? {
        if case .number(let digits) = self { digits } else { nil }
    }
}

extension JSON {
    /// The value of a boolean, for comparisons in tests.
    var flag: Bool? {
        if case .bool(let flag) = self { flag } else { nil }
    }

    var isNull: Bool {
        if case .null = self { true } else { false }
    }
}

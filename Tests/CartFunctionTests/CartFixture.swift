import ShelfConfig
import ShelfCore
import ShelfCrypto
import ShelfHTTP
import ShelfStore
import ShelfTesting

@testable import CartFunction

/// A random source that repeats one byte, so session tokens are known in advance.
struct FixedRandom: RandomSource {
    var byte: UInt8
    func bytes(_ count: Int) -> [UInt8] { Array(repeating: byte, count: count) }
}

/// A store on disk with two products, stock, and the cart function answering CGI requests
/// through the real runtime (routing, body limits, cross-site check, errors, headers).
final class CartFixture {
    static let baseURL = "https://shop.example"
    let directory: TemporaryDirectory
    let store: Store
    var now: Int64 = 1_800_000_000
    var randomByte: UInt8 = 1
    /// The cookie header the "browser" sends back, from the last Set-Cookie.
    var cookie: String?

    init(_ directory: TemporaryDirectory, maxPerLine: Int = 10) throws {
        self.directory = directory
        store = try directory.openStore(file: "data/shelf.sqlite")
        try store.migrate()
        var tee = Product.sampleInColours("tee", colours: ["Forest", "Sand"], sizes: ["S", "M"], price: 2500)
        tee.title = "Organic Tee"
        let cap = Product.sampleInColours("cap", colours: ["Navy"], sizes: ["One"], price: 1800)
        try store.syncCatalogue([tee, cap], categories: [])
        try store.setStock("TEE-FOREST-S", to: 5)
        try store.setStock("TEE-FOREST-M", to: 2)
        try store.setStock("TEE-SAND-S", to: 0)
        try store.setStock("CAP-NAVY-ONE", to: 50)
        configText = """
            name = "Shop"
            base_url = "\(Self.baseURL)"
            currency = "EUR"
            locale = "en-IE"

            [cart]
            max_per_line = \(maxPerLine)
            """
    }

    var configText: String

    func context(timeout: Int = 10) throws -> FunctionContext {
        var config = try StoreConfig(toml: configText)
        config.functions.timeoutSeconds = timeout
        let secrets = try Secrets(toml: "session_key = \"\(String(repeating: "ab", count: 32))\"", name: "secrets.toml")
        let now = self.now
        return FunctionContext(
            root: directory.path, config: config, secrets: secrets, database: directory.storeLocation(file: "data/shelf.sqlite"),
            clock: .fixed(now), random: FixedRandom(byte: randomByte))
    }

    /// Sends one request to the cart function and keeps the cookie it sets.
    @discardableResult
    func send(
        _ method: String, _ path: String, query: String = "", form: String? = nil, json: String? = nil,
        headers: [String: String] = ["HTTP_ORIGIN": baseURL], function: Function = Function(name: "cart", routes: CartRoutes.all),
        timeout: Int = 10
    ) throws -> Response {
        var environment = ["REQUEST_METHOD": method, "PATH_INFO": path, "QUERY_STRING": query, "REQUEST_URI": "/fn/cart" + path]
        environment.merge(headers) { $1 }
        var body: [UInt8] = []
        if let form {
            body = Array(form.utf8)
            environment["CONTENT_TYPE"] = "application/x-www-form-urlencoded"
        } else if let json {
            body = Array(json.utf8)
            environment["CONTENT_TYPE"] = "application/json"
            environment["HTTP_ACCEPT"] = "application/json"
        }
        if method == "POST" { environment["CONTENT_LENGTH"] = String(body.count) }
        if let cookie { environment["HTTP_COOKIE"] = cookie }
        let responder = Responder(function: function, context: try context(timeout: timeout), log: { _ in })
        var source = BytesBody(body)
        let response = responder.respond(to: environment, body: &source).response
        if let setCookie = response.header("Set-Cookie") {
            cookie = String(setCookie.split(separator: ";")[0])
        }
        return response
    }

    /// `cart.json` as parsed JSON.
    func cartJSON() throws -> JSON {
        let response = try send("GET", ".json", headers: [:])
        return try JSON.parse(response.body)
    }

    /// The form token of the current session, as the cart page and cart.json carry it.
    func token() throws -> String {
        try cartJSON()["token"]?.string ?? ""
    }
}

extension JSON {
    /// The text of a number or string value, for comparisons in tests.
    var scalarText: String? {
        switch self {
        case .number(let text), .string(let text): text
        case .bool(let flag): flag ? "true" : "false"
        default: nil
        }
    }

    var items: [JSON] {
        if case .array(let items) = self { items } else { [] }
    }
}

import ShelfConfig
import ShelfCore
import ShelfHTTP
import ShelfStore
import ShelfTesting
import Testing

@testable import SearchFunction

/// The search function's tests' shop: `data/shelf.sqlite` in a temporary folder, migrated, with
/// a tee (Forest, S and M, €25.00) and a cap (Navy, One, €18.00) synced and indexed for search,
/// asked through the real runtime with the repository's themes.
///
/// ```swift
/// let shop = try SearchShop(directory)
/// let (status, html) = try shop.get("/", "rating=4", at: 1_000)
/// ```
final class SearchShop {
    let directory: TemporaryDirectory
    let store: Store

    init(_ directory: TemporaryDirectory) throws {
        self.directory = directory
        store = try directory.openStore(file: "data/shelf.sqlite")
        try store.migrate()
        let products = [
            Product.sampleInColours("tee", colours: ["Forest"], sizes: ["S", "M"], price: 2500),
            Product.sampleInColours("cap", colours: ["Navy"], sizes: ["One"], price: 1800),
        ]
        try store.syncCatalogue(products, categories: [])
        try store.indexForSearch(products, categories: [])
        try directory.linkRepositoryThemes(siteValuesFile: ThemePages.siteValuesFile)
    }

    /// The search function's answer to `path` (`/` or `.json`) with `query` at `now`.
    func get(_ path: String, _ query: String, at now: Int64 = 1_000) throws -> (status: Int, body: String) {
        let config = try StoreConfig(
            toml: """
                name = "Shop"
                base_url = "https://shop.example"
                currency = "EUR"
                locale = "en-IE"
                """)
        let secrets = try Secrets(toml: "session_key = \"\(String(repeating: "ab", count: 32))\"", name: "secrets.toml")
        let context = FunctionContext(
            root: directory.path, config: config, secrets: secrets, database: directory.storeLocation(file: "data/shelf.sqlite"),
            clock: .fixed(now), log: { _ in })
        let (environment, body) = cgiRequest(
            "GET", path, under: "/fn/search", query: query, origin: "https://shop.example", client: "203.0.113.9")
        let responder = Responder(function: Function(name: "search", routes: SearchRoutes.all), context: context, log: { _ in })
        var source = BytesBody(body)
        let response = responder.respond(to: environment, body: &source).response
        return (response.status, String(decoding: response.body, as: UTF8.self))
    }

    /// `search.json` with `query` at `now`, parsed; expects a 200.
    func json(_ query: String, at now: Int64 = 1_000) throws -> JSON {
        let (status, body) = try get(".json", query, at: now)
        #expect(status == 200)
        return try JSON.parse(Array(body.utf8))
    }
}

import ShelfConfig
import ShelfHTTP
import ShelfTesting

extension TemporaryDirectory {
    /// What the reviews function is given for the store in this folder: its `shelf.toml` ("Shop"
    /// at `baseURL`, in euros, plus `settings`), a fixed session key and a fixed clock.
    func reviewsContext(baseURL: String, settings: String, now: Int64) throws -> FunctionContext {
        let config = try StoreConfig(toml: "name = \"Shop\"\nbase_url = \"\(baseURL)\"\ncurrency = \"EUR\"\n" + settings)
        let secrets = try Secrets(toml: "session_key = \"\(String(repeating: "cd", count: 32))\"\n", name: "secrets.toml")
        return FunctionContext(
            root: path, config: config, secrets: secrets, database: storeLocation(file: "data/shelf.sqlite"), clock: .fixed(now),
            log: { _ in })
    }
}

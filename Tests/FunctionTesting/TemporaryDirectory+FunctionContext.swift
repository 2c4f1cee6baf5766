import ShelfConfig
public import ShelfCrypto
public import ShelfHTTP
public import ShelfTesting

extension TemporaryDirectory {
    /// What a function is given for the store in this folder: a `shelf.toml` naming "Shop" at
    /// `baseURL`, in euros, plus `settings`; a fixed session key; a fixed clock at `now`; and
    /// `random` for the session tokens it makes.
    ///
    /// ```swift
    /// let context = try directory.functionContext(settings: "[reviews]\nmoderation = \"post\"\n", now: now)
    /// ```
    public func functionContext(
        baseURL: String = "https://shop.example", settings: String = "", now: Int64, random: any RandomSource = SystemRandom()
    ) throws -> FunctionContext {
        let config = try StoreConfig(toml: "name = \"Shop\"\nbase_url = \"\(baseURL)\"\ncurrency = \"EUR\"\n" + settings)
        let secrets = try Secrets(toml: "session_key = \"\(String(repeating: "cd", count: 32))\"\n", name: "secrets.toml")
        return FunctionContext(
            root: path, config: config, secrets: secrets, database: storeLocation(file: "data/shelf.sqlite"), clock: .fixed(now),
            random: random, log: { _ in })
    }
}

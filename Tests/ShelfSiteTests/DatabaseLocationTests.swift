import Foundation
import ShelfConfig
import ShelfSite
import ShelfStore
import ShelfTesting
import Testing

/// Which database a store opens: `SHELF_DATABASE_URL`, `[database] url`, or its SQLite file.
@Suite struct DatabaseLocationTests {
    let settings = """
        name = "Shop"
        base_url = "https://shop.example"
        currency = "EUR"

        """

    @Test func aBuildKeepsTheStateInTheDatabaseTheSettingsName() throws {
        let store = try FixtureStore()
        _ = try store.build()
        #expect(try store.openStore().stockList().contains { $0.sku == "TEE-FOR-L" })
        #expect(FileManager.default.fileExists(atPath: store.folder.databaseFile) == !TestDatabase.isPostgreSQL)
    }

    @Test func withoutADatabaseURLTheStoreKeepsItsSQLiteFile() throws {
        let config = try StoreConfig(toml: settings)
        #expect(config.databaseURL == nil)
        #expect(try config.databaseLocation(root: "/srv/shop", environment: [:]) == .sqlite(path: "/srv/shop/data/shelf.sqlite"))
    }

    @Test func theDatabaseURLOfShelfTomlPointsTheStoreAtPostgreSQL() throws {
        try withTemporaryDirectory { directory in
            let config = try StoreConfig(toml: settings + "[database]\nurl = \"postgresql://shelf@db.internal/shop\"\n")
            #expect(
                try config.databaseLocation(root: directory.path, environment: [:])
                    == .postgresql(url: "postgresql://shelf@db.internal/shop", password: nil))
        }
    }

    @Test func theEnvironmentWinsOverShelfToml() throws {
        try withTemporaryDirectory { directory in
            let config = try StoreConfig(toml: settings + "[database]\nurl = \"postgresql://shelf@db.internal/shop\"\n")
            let environment = ["SHELF_DATABASE_URL": "postgres://other@replica.internal/shop"]
            #expect(
                try config.databaseLocation(root: directory.path, environment: environment)
                    == .postgresql(url: "postgres://other@replica.internal/shop", password: nil))
            let sqliteConfig = try StoreConfig(toml: settings)
            #expect(
                try sqliteConfig.databaseLocation(root: directory.path, environment: environment)
                    == .postgresql(url: "postgres://other@replica.internal/shop", password: nil))
        }
    }

    @Test func thePasswordComesFromTheSecretsFile() throws {
        try withTemporaryDirectory { directory in
            let config = try StoreConfig(toml: settings + "[database]\nurl = \"postgresql://shelf@db.internal/shop\"\n")
            try FileManager.default.createDirectory(atPath: directory.file("data"), withIntermediateDirectories: true)
            let secrets = "session_key = \"\(String(repeating: "ab", count: 32))\"\ndatabase_password = \"s3cret\"\n"
            _ = FileManager.default.createFile(
                atPath: directory.file("data/secrets.toml"), contents: Data(secrets.utf8), attributes: [.posixPermissions: 0o600])
            #expect(
                try config.databaseLocation(root: directory.path, environment: [:])
                    == .postgresql(url: "postgresql://shelf@db.internal/shop", password: "s3cret"))
        }
    }

    @Test(arguments: [
        "postgresql://shelf:hunter2@db.internal/shop", "postgresql://shelf@db.internal/shop?sslmode=require&password=hunter2",
    ])
    func aPasswordInShelfTomlIsRefusedWithItsLine(url: String) {
        #expect {
            try StoreConfig(toml: settings + "[database]\nurl = \"\(url)\"\n")
        } throws: { error in
            let problem = error as? SiteError
            return problem?.line == 5 && problem!.message.contains("database_password") && !problem!.message.contains("hunter2")
        }
    }

    @Test func aURLThatIsNotPostgreSQLIsRefused() {
        #expect {
            try StoreConfig(toml: settings + "[database]\nurl = \"mysql://shop@db/shop\"\n")
        } throws: { error in
            (error as? SiteError)?.description.hasPrefix("shelf.toml:5: the database url must be a PostgreSQL URL") == true
        }
        let environment = ["SHELF_DATABASE_URL": "data/other.sqlite"]
        #expect(throws: SiteError.self) {
            try StoreConfig(toml: settings).databaseLocation(root: "/srv/shop", environment: environment)
        }
    }
}

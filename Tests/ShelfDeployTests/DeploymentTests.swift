import Foundation
import ShelfConfig
import ShelfHTTP
import Testing

@testable import ShelfDeploy

@Suite struct DeploymentTests {
    let config: StoreConfig

    init() throws {
        config = try StoreConfig(toml: "name = \"Shop\"\nbase_url = \"https://shop.example.com\"\ncurrency = \"EUR\"\n")
    }

    func deployment(
        _ server: WebServer, _ gateway: Gateway? = nil, store: String = "/srv/shop", runFolder: String = "/srv/shop/.shelf/run/x",
        user: String = "www-data"
    ) throws(DeploymentError) -> Deployment {
        try Deployment(
            server: server, gateway: gateway ?? server.gateways[0], store: store, config: config,
            functionsFolder: "/usr/local/lib/shelf", runFolder: runFolder, listen: ListenAddress("127.0.0.1:8080")!, user: user,
            group: user)
    }

    @Test func everyServerMapsExactlyShelfsFunctions() throws {
        for server in WebServer.allCases {
            for gateway in server.gateways {
                let text = try deployment(server, gateway).configuration
                for name in FunctionNames.all {
                    #expect(text.contains("/usr/local/lib/shelf/\(name)"), "\(server) \(gateway)")
                }
                // No other path into the functions folder: only the named executables, and only
                // the folder itself where Apache needs a Directory block to deny the rest.
                let mentions = text.components(separatedBy: "/usr/local/lib/shelf").dropFirst()
                for rest in mentions {
                    #expect(
                        FunctionNames.all.contains { rest.hasPrefix("/\($0)") } || rest.hasPrefix("\">") || rest.hasPrefix(" --run-dir"),
                        "\(server): \(rest.prefix(40))")
                }
            }
        }
    }

    @Test func everyServerSendsTheSecurityHeadersAndTheStoreRoot() throws {
        for server in WebServer.allCases {
            let text = try deployment(server).configuration
            #expect(text.contains(SecurityHeaders.contentSecurityPolicy), "\(server)")
            #expect(text.contains("public, max-age=31536000, immutable"), "\(server)")
            #expect(text.contains("SHELF_ROOT"), "\(server)")
            #expect(text.contains("/srv/shop/site"), "\(server)")
            #expect(text.contains("chmod 600 /srv/shop/data/secrets.toml"), "\(server)")
        }
    }

    @Test func everyServerShowsTheStoresErrorPagesWhenAFunctionFails() throws {
        let expected: [WebServer: [String]] = [
            .lighttpd: ["server.errorfile-prefix = \"/srv/shop/site/\""],
            .nginx: ["error_page 404 /404.html;", "error_page 500 /500.html;", "error_page 502 503 504 /503.html;"],
            .apache: [
                "ErrorDocument 404 /404.html", "ErrorDocument 500 /500.html", "ErrorDocument 502 /503.html", "ErrorDocument 503 /503.html",
                "ErrorDocument 504 /503.html",
            ],
            .caddy: [
                "expression {err.status_code} == 500", "rewrite * /500.html", "expression {err.status_code} in [502, 503, 504]",
                "rewrite * /503.html",
            ],
        ]
        for server in WebServer.allCases {
            for gateway in server.gateways {
                let lines = try deployment(server, gateway).configuration.split(separator: "\n").map {
                    $0.trimmingCharacters(in: .whitespaces)
                }
                for line in expected[server] ?? ["(none)"] {
                    #expect(lines.contains { $0.hasSuffix(line) }, "\(server) \(gateway): \(line)")
                }
            }
        }
    }

    @Test func spawnFcgiCommandsOnlyForServersThatCannotStartFunctions() throws {
        #expect(try deployment(.nginx).configuration.contains("spawn-fcgi -s /srv/shop/.shelf/run/x/cart.sock"))
        #expect(try deployment(.caddy).configuration.contains("env SHELF_ROOT=/srv/shop spawn-fcgi"))
        #expect(try !deployment(.lighttpd, .fastCGI).configuration.contains("spawn-fcgi -s"))
        #expect(try !deployment(.apache).configuration.contains("spawn-fcgi -s"))
    }

    @Test func refusesWhatCannotGoIntoAConfiguration() {
        #expect(throws: DeploymentError.self) { try deployment(.apache, .fastCGI) }
        #expect(throws: DeploymentError.self) { try deployment(.nginx, .cgi) }
        #expect(throws: DeploymentError.self) { try deployment(.nginx, store: "/srv/my shop") }
        #expect(throws: DeploymentError.self) { try deployment(.nginx, store: "/srv/\"shop") }
        #expect(throws: DeploymentError.self) { try deployment(.nginx, store: "shop") }
        #expect(throws: DeploymentError.self) { try deployment(.nginx, user: "www data") }
        #expect(throws: DeploymentError.self) { try deployment(.nginx, runFolder: "/" + String(repeating: "r", count: 100)) }
    }

    @Test func refusesToRunTheFunctionsAsRootWhichTheServersRefuse() {
        for server in WebServer.allCases {
            #expect {
                try deployment(server, user: "root")
            } throws: { error in
                "\(error)".contains("cannot run as root") && "\(error)".contains("--user")
            }
        }
    }

    @Test func theStoresSettingsCannotEscapeTheHeaderComment() throws {
        let config = try StoreConfig(toml: "name = \"Shop\\nuser root;\"\nbase_url = \"https://x;y.example\"\ncurrency = \"EUR\"\n")
        let deployment = try Deployment(
            server: .nginx, gateway: .fastCGI, store: "/srv/shop", config: config, functionsFolder: "/usr/local/lib/shelf",
            runFolder: "/srv/shop/run", listen: ListenAddress("127.0.0.1:8080")!, user: "www-data", group: "www-data")
        let text = deployment.configuration
        #expect(!text.contains("\nuser root;"))
        #expect(text.contains("server_name localhost;"))
    }

    @Test func readsListenAddresses() {
        #expect(ListenAddress("127.0.0.1:8080")?.description == "127.0.0.1:8080")
        #expect(ListenAddress("0.0.0.0:80")?.port == 80)
        #expect(ListenAddress("[::1]:8080")?.host == "::1")
        #expect(ListenAddress("[::1]:8080")?.description == "[::1]:8080")
        #expect(ListenAddress("localhost:8080")?.host == "localhost")
        for invalid in [
            "8080", ":8080", "127.0.0.1", "127.0.0.1:0", "127.0.0.1:65536", "127.0.0.1:80a", "::1:80", "[::1]8080", "a b:80", "h;x:80",
        ] {
            #expect(ListenAddress(invalid) == nil, "\(invalid)")
        }
    }
}

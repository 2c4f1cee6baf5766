// swift-tools-version: 6.1
import PackageDescription

/// One strict setting list, applied to every Swift target.
let strict: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
    .enableUpcomingFeature("InternalImportsByDefault"),
    .unsafeFlags(["-warnings-as-errors"], .when(configuration: .debug)),
]

let package = Package(
    name: "Shelf",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "shelf", targets: ["shelf"]),
        .executable(name: "cart", targets: ["cart"]),
        .executable(name: "checkout", targets: ["checkout"]),
        .executable(name: "account", targets: ["account"]),
        .executable(name: "search", targets: ["search"]),
        .executable(name: "subscribe", targets: ["subscribe"]),
        .executable(name: "beacon", targets: ["beacon"]),
        .executable(name: "reviews", targets: ["reviews"]),
        .executable(name: "wishlist", targets: ["wishlist"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
    ],
    targets: [
        // C libraries, wrapped once each.
        .systemLibrary(name: "CCmark", pkgConfig: "libcmark", providers: [.apt(["libcmark-dev"])]),
        .systemLibrary(name: "CSQLite", pkgConfig: "sqlite3", providers: [.apt(["libsqlite3-dev"])]),
        .systemLibrary(name: "CPostgreSQL", pkgConfig: "libpq", providers: [.apt(["libpq-dev"])]),
        .systemLibrary(name: "CZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),
        // The .gz copies of a build: libdeflate compresses a whole page at once, at zlib's level in half its time.
        .systemLibrary(name: "CDeflate", pkgConfig: "libdeflate", providers: [.apt(["libdeflate-dev"])]),
        .systemLibrary(name: "CSodium", pkgConfig: "libsodium", providers: [.apt(["libsodium-dev"])]),
        // The few Linux calls Swift's Glibc module does not expose.
        .target(name: "CShelfSystem"),

        // Domain rules, no I/O.
        .target(name: "ShelfCore", swiftSettings: strict),
        // The database: schema, migrations, domain operations, on SQLite or PostgreSQL.
        .target(name: "ShelfStore", dependencies: ["ShelfCore", "CSQLite", "CPostgreSQL"], swiftSettings: strict),
        // The store's settings (`shelf.toml`), the merchant-facing error they throw, and the choice of
        // the database they point at.
        .target(
            name: "ShelfConfig",
            dependencies: ["ShelfCore", "ShelfStore", .product(name: "TOMLKit", package: "TOMLKit")],
            swiftSettings: strict
        ),
        // libcurl, with fixed-type wrappers for its variadic setopt.
        .target(name: "CCurl", linkerSettings: [.linkedLibrary("curl")]),
        // Mail: message encoding, and delivery over SMTP (libcurl) or into a folder.
        .target(name: "ShelfMail", dependencies: ["ShelfCore", "ShelfConfig", "ShelfStore", "CCurl"], swiftSettings: strict),
        // Payment providers: the test stand-in, manual, Stripe; webhooks; outbound HTTP.
        .target(name: "ShelfPayments", dependencies: ["ShelfCore", "ShelfCrypto", "CCurl"], swiftSettings: strict),
        // SHA-256, HMAC and random tokens, in Swift: loading libcrypto costs a CGI request more
        // than all the hashing it does.
        .target(name: "ShelfCrypto", swiftSettings: strict),
        // Accounts without I/O: the password policy and its common-password list, TOTP, recovery
        // codes and the QR code that carries a TOTP secret.
        .target(
            name: "ShelfAuth", dependencies: ["ShelfCore", "ShelfCrypto"], exclude: ["CommonPasswords/NOTICE.md"],
            swiftSettings: strict),
        // libsodium: Argon2id password hashing and the secretbox that seals TOTP secrets, linked
        // only by the account function.
        .target(name: "ShelfPasswords", dependencies: ["CSodium"], swiftSettings: strict),
        // Theme templates parsed for rendering (swift-mustache), shared by the build and the functions.
        .target(
            name: "ShelfTheme", dependencies: ["ShelfCore", .product(name: "Mustache", package: "swift-mustache")], swiftSettings: strict),
        // The function runtime: CGI and FastCGI, requests, responses, sessions, cross-site checks.
        .target(
            name: "ShelfHTTP",
            dependencies: [
                "ShelfCore", "ShelfConfig", "ShelfStore", "ShelfCrypto", "ShelfTheme",
            ],
            swiftSettings: strict
        ),
        // Web server configurations for a store: lighttpd, nginx, Apache, Caddy.
        .target(name: "ShelfDeploy", dependencies: ["ShelfConfig", "ShelfHTTP"], swiftSettings: strict),
        // The static build.
        .target(
            name: "ShelfSite",
            dependencies: [
                "ShelfCore", "ShelfConfig", "ShelfStore", "ShelfTheme", "CCmark", "CDeflate", "CShelfSystem",
                .product(name: "Yams", package: "Yams"), .product(name: "Mustache", package: "swift-mustache"),
            ],
            swiftSettings: strict
        ),
        // The command line.
        .executableTarget(
            name: "shelf",
            dependencies: [
                "ShelfCore", "ShelfConfig", "ShelfStore", "ShelfSite", "ShelfHTTP", "ShelfCrypto", "ShelfDeploy", "ShelfPayments",
                "ShelfMail",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Hummingbird", package: "hummingbird"),
            ],
            swiftSettings: strict
        ),

        // Functions: one executable each, its handlers in a library the tests import.
        .target(
            name: "CartFunction", dependencies: ["ShelfCore", "ShelfStore", "ShelfHTTP"], path: "functions/cart/Cart",
            swiftSettings: strict),
        .target(
            name: "CheckoutFunction",
            dependencies: ["ShelfCore", "ShelfConfig", "ShelfStore", "ShelfHTTP", "ShelfPayments", "ShelfCrypto"],
            path: "functions/checkout/Checkout", swiftSettings: strict),
        .executableTarget(
            name: "checkout", dependencies: ["CheckoutFunction", "ShelfHTTP"], path: "functions/checkout", exclude: ["Checkout"],
            sources: ["main.swift"],
            swiftSettings: strict),
        .target(
            name: "AccountFunction",
            dependencies: ["ShelfCore", "ShelfConfig", "ShelfStore", "ShelfHTTP", "ShelfAuth", "ShelfCrypto", "ShelfPasswords"],
            path: "functions/account/Account", swiftSettings: strict),
        .executableTarget(
            name: "account", dependencies: ["AccountFunction", "ShelfHTTP"], path: "functions/account", exclude: ["Account"],
            sources: ["main.swift"], swiftSettings: strict),
        .executableTarget(
            name: "cart", dependencies: ["CartFunction", "ShelfHTTP"], path: "functions/cart", exclude: ["Cart"], sources: ["main.swift"],
            swiftSettings: strict),
        .target(
            name: "SearchFunction", dependencies: ["ShelfCore", "ShelfConfig", "ShelfStore", "ShelfHTTP"], path: "functions/search/Search",
            swiftSettings: strict),
        .executableTarget(
            name: "search", dependencies: ["SearchFunction", "ShelfHTTP"], path: "functions/search", exclude: ["Search"],
            sources: ["main.swift"], swiftSettings: strict),
        .target(
            name: "SubscribeFunction", dependencies: ["ShelfCore", "ShelfConfig", "ShelfStore", "ShelfHTTP"],
            path: "functions/subscribe/Subscribe", swiftSettings: strict),
        .executableTarget(
            name: "subscribe", dependencies: ["SubscribeFunction", "ShelfHTTP"], path: "functions/subscribe", exclude: ["Subscribe"],
            sources: ["main.swift"], swiftSettings: strict),
        .target(
            name: "BeaconFunction", dependencies: ["ShelfCore", "ShelfConfig", "ShelfStore", "ShelfHTTP"], path: "functions/beacon/Beacon",
            swiftSettings: strict),
        .executableTarget(
            name: "beacon", dependencies: ["BeaconFunction", "ShelfHTTP"], path: "functions/beacon", exclude: ["Beacon"],
            sources: ["main.swift"], swiftSettings: strict),
        .target(
            name: "ReviewsFunction", dependencies: ["ShelfCore", "ShelfConfig", "ShelfStore", "ShelfHTTP"],
            path: "functions/reviews/Reviews", swiftSettings: strict),
        .executableTarget(
            name: "reviews", dependencies: ["ReviewsFunction", "ShelfHTTP"], path: "functions/reviews", exclude: ["Reviews"],
            sources: ["main.swift"], swiftSettings: strict),
        .target(
            name: "WishlistFunction", dependencies: ["ShelfCore", "ShelfConfig", "ShelfStore", "ShelfHTTP"],
            path: "functions/wishlist/Wishlist", swiftSettings: strict),
        .executableTarget(
            name: "wishlist", dependencies: ["WishlistFunction", "ShelfHTTP"], path: "functions/wishlist", exclude: ["Wishlist"],
            sources: ["main.swift"], swiftSettings: strict),

        // Shared test support; libpq makes and drops the PostgreSQL schemas of temporary stores.
        .target(
            name: "ShelfTesting", dependencies: ["ShelfCore", "ShelfStore", "CPostgreSQL"], path: "Tests/ShelfTesting",
            swiftSettings: strict),
        // Test support for the functions: the context a function is given for a test store.
        .target(
            name: "FunctionTesting", dependencies: ["ShelfConfig", "ShelfCrypto", "ShelfHTTP", "ShelfTesting"],
            path: "Tests/FunctionTesting", swiftSettings: strict),
        .testTarget(name: "ShelfCoreTests", dependencies: ["ShelfCore", "ShelfTesting"], swiftSettings: strict),
        .testTarget(name: "ShelfCryptoTests", dependencies: ["ShelfCrypto"], swiftSettings: strict),
        .testTarget(name: "ShelfAuthTests", dependencies: ["ShelfAuth", "ShelfCrypto"], swiftSettings: strict),
        .testTarget(name: "ShelfThemeTests", dependencies: ["ShelfTheme"], swiftSettings: strict),
        .testTarget(name: "ShelfPasswordsTests", dependencies: ["ShelfPasswords"], swiftSettings: strict),
        .testTarget(name: "ShelfStoreTests", dependencies: ["ShelfStore", "ShelfTesting"], swiftSettings: strict),
        .testTarget(
            name: "CartFunctionTests",
            dependencies: ["CartFunction", "ShelfHTTP", "ShelfConfig", "ShelfCrypto", "ShelfStore", "ShelfTesting"],
            swiftSettings: strict),
        .testTarget(
            name: "CheckoutFunctionTests",
            dependencies: ["CheckoutFunction", "ShelfHTTP", "ShelfConfig", "ShelfCore", "ShelfStore", "ShelfTesting"],
            swiftSettings: strict),
        .testTarget(
            name: "AccountFunctionTests",
            dependencies: ["AccountFunction", "ShelfHTTP", "ShelfConfig", "ShelfStore", "ShelfPasswords", "ShelfCrypto", "ShelfTesting"],
            swiftSettings: strict),
        .testTarget(
            name: "SearchFunctionTests",
            dependencies: ["SearchFunction", "ShelfHTTP", "ShelfConfig", "ShelfCore", "ShelfStore", "ShelfTesting"],
            swiftSettings: strict),
        .testTarget(
            name: "SubscribeFunctionTests",
            dependencies: ["SubscribeFunction", "ShelfHTTP", "ShelfConfig", "ShelfCore", "ShelfStore", "ShelfTesting"],
            swiftSettings: strict),
        .testTarget(
            name: "ReviewsFunctionTests",
            dependencies: [
                "ReviewsFunction", "ShelfHTTP", "ShelfConfig", "ShelfCore", "ShelfCrypto", "ShelfStore", "ShelfTesting", "FunctionTesting",
            ],
            swiftSettings: strict),
        .testTarget(
            name: "BeaconFunctionTests",
            dependencies: ["BeaconFunction", "ShelfHTTP", "ShelfConfig", "ShelfCore", "ShelfStore", "ShelfTesting"],
            swiftSettings: strict),
        .testTarget(
            name: "WishlistFunctionTests",
            dependencies: ["WishlistFunction", "ShelfHTTP", "ShelfConfig", "ShelfCore", "ShelfStore", "ShelfTesting", "FunctionTesting"],
            swiftSettings: strict),
        .testTarget(
            name: "ShelfPaymentsTests", dependencies: ["ShelfPayments", "ShelfCrypto", "ShelfTesting"], swiftSettings: strict),
        .testTarget(
            name: "ShelfHTTPTests", dependencies: ["ShelfHTTP", "ShelfConfig", "ShelfCrypto", "ShelfTesting"], swiftSettings: strict),
        .testTarget(
            name: "ShelfMailTests", dependencies: ["ShelfMail", "ShelfConfig", "ShelfCore", "ShelfStore", "ShelfTesting"],
            swiftSettings: strict),
        .testTarget(name: "ShelfDeployTests", dependencies: ["ShelfDeploy", "ShelfConfig", "ShelfHTTP"], swiftSettings: strict),
        .testTarget(
            name: "ShelfSiteTests",
            dependencies: ["ShelfSite", "ShelfConfig", "ShelfStore", "ShelfTesting"],
            swiftSettings: strict
        ),
    ]
)

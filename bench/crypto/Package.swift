// swift-tools-version: 6.1
import PackageDescription

// The libsodium measurement (bench/crypto/run): whether the functions should hash with libsodium
// instead of Shelf's own Swift SHA-256 and HMAC (Sources/ShelfCrypto).
//
// - bare, bare-sodium-linked, bare-sodium-init: the same smallest CGI program (a fixed 303),
//   alone, linked with libsodium, and linked with libsodium and calling sodium_init: what linking
//   the library adds to every CGI process before it does anything.
// - digests: SHA-256, HMAC-SHA256, random bytes and the constant-time comparison, Shelf's Swift
//   ones against libsodium's, on the sizes the functions hash.
//
// The run copies Sources/ShelfCrypto into the build copy of this package as the ShelfCrypto
// target, so the Swift side is exactly the shipped code, built with the same flags.
/// The upcoming features the shipped targets are compiled with (Package.swift's `strict`, without
/// its debug-only warnings-as-errors).
let strict: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
    .enableUpcomingFeature("InternalImportsByDefault"),
]

let package = Package(
    name: "CryptoBench",
    targets: [
        .systemLibrary(name: "CSodium", path: "CSodium"),
        .target(name: "BareAnswer", path: "BareAnswer"),
        .target(name: "ShelfCrypto", path: "ShelfCrypto", swiftSettings: strict),
        .executableTarget(name: "bare", dependencies: ["BareAnswer"], path: "bare"),
        .executableTarget(name: "bare-sodium-linked", dependencies: ["BareAnswer", "CSodium"], path: "bare-sodium-linked"),
        .executableTarget(name: "bare-sodium-init", dependencies: ["BareAnswer", "CSodium"], path: "bare-sodium-init"),
        .executableTarget(name: "digests", dependencies: ["ShelfCrypto", "CSodium"], path: "digests"),
    ]
)

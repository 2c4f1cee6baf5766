// swift-tools-version: 6.1
import PackageDescription

// The baselines of the functions benchmark: the smallest Swift programs that answer a request,
// one as CGI and one as a FastCGI responder. A package of its own, so that `swift build -c
// release` gives them exactly the optimisation and linking flags the cart gets (bench/functions/run
// passes the same flags to both builds).
let package = Package(
    name: "Bare",
    targets: [
        .executableTarget(name: "bare", path: ".", exclude: ["fastcgi", "CFastCGI"], sources: ["main.swift"]),
        .systemLibrary(name: "CFastCGI", path: "CFastCGI"),
        .executableTarget(name: "bare-fastcgi", dependencies: ["CFastCGI"], path: "fastcgi"),
    ]
)

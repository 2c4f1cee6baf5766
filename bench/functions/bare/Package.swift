// swift-tools-version: 6.1
import PackageDescription

// The baselines of the functions benchmark: the smallest Swift programs that answer a request,
// one as CGI and two as FastCGI responders (through libfcgi, and with the protocol alone). A package of its own, so that `swift build -c
// release` gives them exactly the optimisation and linking flags the cart gets (bench/functions/run
// passes the same flags to both builds).
let package = Package(
    name: "Bare",
    targets: [
        .executableTarget(name: "bare", path: ".", exclude: ["fastcgi", "CFastCGI", "minimal"], sources: ["main.swift"]),
        .systemLibrary(name: "CFastCGI", path: "CFastCGI"),
        .executableTarget(name: "bare-fastcgi", dependencies: ["CFastCGI"], path: "fastcgi"),
        .executableTarget(name: "bare-minimal", path: "minimal"),
    ]
)

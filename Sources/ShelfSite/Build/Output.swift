/// One file of the built site: where it goes, what it depends on, and how to make it.
struct Output: Sendable {
    /// The path under `site/`, without a leading slash (`products/tee/index.html`).
    let path: String
    /// Changes whenever anything the file shows changes; equal fingerprints mean equal files.
    let fingerprint: UInt64
    let produce: @Sendable () -> [UInt8]

    /// The file path of a page published at a site path (`/shop/` → `shop/index.html`).
    static func file(forPage sitePath: String) -> String {
        let trimmed = String(sitePath.dropFirst())
        return trimmed.isEmpty || trimmed.hasSuffix("/") ? trimmed + "index.html" : trimmed
    }

    /// True for the kinds of files worth a pre-compressed `.gz` copy.
    var isCompressible: Bool {
        ["html", "css", "js", "xml", "svg", "txt", "json"].contains(path.split(separator: ".").last.map(String.init) ?? "")
    }
}

/// A value moved across threads that is never mutated after it is built.
struct Frozen<Value>: @unchecked Sendable {
    let value: Value
}

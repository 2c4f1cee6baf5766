import ShelfHTTP

/// What every configuration does the same way, whichever server reads it.
enum SiteRules {
    /// The security headers of the static pages: the ones the functions send themselves.
    static let securityHeaders = SecurityHeaders.all

    /// Commented out in every configuration: only right once the store is served over HTTPS.
    static let strictTransportSecurity = ("Strict-Transport-Security", SecurityHeaders.strictTransportSecurity)

    /// Fingerprinted assets (`/assets/app.3f9c2a1b07.css`) never change under their name.
    static let assetsCacheControl = "public, max-age=31536000, immutable"

    /// The store's error pages (`shelf build` writes them) and the statuses each stands in for:
    /// a function that fails or is restarting shows the store's page, never the server's bare one.
    /// Errors a function answers itself keep the function's own page.
    static let errorPages: [(file: String, statuses: [Int])] = [
        ("/404.html", [404]), ("/500.html", [500]), ("/503.html", [502, 503, 504]),
    ]

    /// Request bodies to `/fn/` above this are refused by the server before any function runs;
    /// each route inside applies its own, smaller limit.
    static let functionBodyLimit = 64 * 1024

    /// The files `shelf build` writes a `.gz` copy of (ShelfSite's `Output.isCompressible`).
    static let precompressedExtensions = ["html", "css", "js", "xml", "svg", "txt", "json"]

    /// The media types of the files a store's site holds; text is UTF-8.
    static let mediaTypes: [(fileExtension: String, type: String)] = [
        ("html", "text/html; charset=utf-8"),
        ("css", "text/css; charset=utf-8"),
        ("js", "text/javascript; charset=utf-8"),
        ("json", "application/json"),
        ("xml", "application/xml; charset=utf-8"),
        ("txt", "text/plain; charset=utf-8"),
        ("svg", "image/svg+xml"),
        ("png", "image/png"),
        ("jpg", "image/jpeg"),
        ("jpeg", "image/jpeg"),
        ("gif", "image/gif"),
        ("webp", "image/webp"),
        ("avif", "image/avif"),
        ("ico", "image/vnd.microsoft.icon"),
        ("woff2", "font/woff2"),
        ("woff", "font/woff"),
        ("pdf", "application/pdf"),
        ("webmanifest", "application/manifest+json"),
        ("mp4", "video/mp4"),
        ("webm", "video/webm"),
    ]
}

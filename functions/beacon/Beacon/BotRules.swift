import ShelfCore
public import ShelfHTTP

/// Which requests are not a person looking at a page: crawlers and tools by their user agent,
/// headless browsers, requests without a user agent, and prefetches a browser made before
/// anyone asked for the page.
public enum BotRules {
    /// Lower-case fragments of the user agents of crawlers, link previewers, monitors and
    /// HTTP tools; `HeadlessChrome` is Chromium driven by a program.
    static let agentFragments = [
        "bot", "crawl", "spider", "slurp", "headlesschrome", "phantomjs", "lighthouse", "facebookexternalhit", "embedly",
        "preview", "monitor", "curl/", "wget/", "python-", "go-http-client", "java/", "okhttp", "libwww", "httpclient", "scrapy",
    ]

    /// True when `request` should not be counted.
    public static func isBot(_ request: Request) -> Bool {
        let agent = (request.header("user-agent") ?? "").lowercased()
        if agent.trimmingSpaces.isEmpty { return true }
        if agentFragments.contains(where: agent.contains) { return true }
        for header in ["purpose", "sec-purpose", "x-purpose", "x-moz"] {
            if let value = request.header(header)?.lowercased(), value.contains("prefetch") || value.contains("preview") { return true }
        }
        return false
    }

    /// True when the browser asks not to be tracked (`DNT: 1`, or Global Privacy Control's
    /// `Sec-GPC: 1`).
    public static func asksNotToBeTracked(_ request: Request) -> Bool {
        request.header("dnt") == "1" || request.header("sec-gpc") == "1"
    }
}

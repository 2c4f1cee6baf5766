/// The headers every function response carries, whatever the web server adds.
enum SecurityHeaders {
    /// Scripts, styles, images and form targets from this site only; no framing; no plugins.
    static let contentSecurityPolicy =
        "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; connect-src 'self'; "
        + "form-action 'self'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'"

    static func apply(to response: inout Response, https: Bool) {
        response.setHeader("Content-Security-Policy", contentSecurityPolicy)
        response.setHeader("X-Content-Type-Options", "nosniff")
        response.setHeader("Referrer-Policy", "strict-origin-when-cross-origin")
        response.setHeader("X-Frame-Options", "DENY")
        if https { response.setHeader("Strict-Transport-Security", "max-age=31536000; includeSubDomains") }
        // Function answers depend on the cookie: no shared cache may keep them.
        if response.header("Cache-Control") == nil { response.setHeader("Cache-Control", "no-store") }
    }
}

/// The security headers every function response carries, whatever the web server adds.
///
/// The web server configurations that `shelf server-config` writes send the same ones with the
/// static pages, and so does `shelf serve`, so the whole store answers with one policy.
public enum SecurityHeaders {
    /// Scripts, styles, images and form targets from this site only; no framing; no plugins.
    public static let contentSecurityPolicy =
        "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; connect-src 'self'; "
        + "form-action 'self'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'"

    /// The headers for every response, over HTTP and HTTPS alike.
    public static let all: [(name: String, value: String)] = [
        ("Content-Security-Policy", contentSecurityPolicy),
        ("X-Content-Type-Options", "nosniff"),
        ("Referrer-Policy", "strict-origin-when-cross-origin"),
        ("X-Frame-Options", "DENY"),
    ]

    /// Over HTTPS only: browsers keep to HTTPS for this site for a year.
    public static let strictTransportSecurity = "max-age=31536000; includeSubDomains"

    static func apply(to response: inout Response, https: Bool) {
        for (name, value) in all { response.setHeader(name, value) }
        if https { response.setHeader("Strict-Transport-Security", strictTransportSecurity) }
        // Function answers depend on the cookie: no shared cache may keep them.
        if response.header("Cache-Control") == nil { response.setHeader("Cache-Control", "no-store") }
    }
}

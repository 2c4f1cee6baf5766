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

    /// ``all`` and then `Strict-Transport-Security`: the headers for every response over HTTPS.
    static let allOverHTTPS = all + [("Strict-Transport-Security", strictTransportSecurity)]

    /// Sets the security headers on `response`, replacing any of the same names, and
    /// `Cache-Control: no-store` when it has none; in one pass over its headers, since every
    /// answer passes here (setting them one by one looked at every header six times).
    static func apply(to response: inout Response, https: Bool) {
        let headers = https ? allOverHTTPS : all
        response.headers.removeAll { header in headers.contains { Response.sameName($0.name, header.name) } }
        response.headers.reserveCapacity(response.headers.count + headers.count + 1)
        response.headers += headers
        // Function answers depend on the cookie: no shared cache may keep them.
        if response.header("Cache-Control") == nil { response.headers.append(("Cache-Control", "no-store")) }
    }
}

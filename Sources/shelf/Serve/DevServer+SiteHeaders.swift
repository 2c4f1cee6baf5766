import ShelfHTTP

extension DevServer {
    /// The security headers of the site's files: the ones the functions send, which the web
    /// server configurations of `shelf server-config` send with the static pages too.
    static let siteHeaders = SecurityHeaders.all
}

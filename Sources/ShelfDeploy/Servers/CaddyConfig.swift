/// The Caddy 2 configuration (a Caddyfile), started with
/// `caddy run --config FILE --adapter caddyfile`; the functions are FastCGI responders that
/// `spawn-fcgi` starts, since Caddy starts no programs itself.
struct CaddyConfig {
    let deployment: Deployment

    init(_ deployment: Deployment) {
        self.deployment = deployment
    }

    var text: String {
        let d = deployment
        let run = d.runFolder
        let start = [
            "caddy validate --config /path/to/this/file --adapter caddyfile",
            "caddy run --config /path/to/this/file --adapter caddyfile",
        ]
        let body = """

            # Caddy's own settings. Its admin endpoint is a socket in the run folder rather than a
            # port, it keeps its state there too, and it serves this file's port as it is: see
            # "HTTPS" at the end.
            {
                admin unix/\(run)/caddy-admin.sock
                storage file_system \(run)/caddy
                auto_https off
                log {
                    output file \(run)/error.log
                    level WARN
                }
            }

            http://:\(d.listen.port) {
                bind \(d.listen.host)
                log {
                    output file \(run)/access.log
                }

                # The site as `shelf build` writes it.
                root * \(d.site)

                # httpoxy: a request's Proxy header must never reach a function as HTTP_PROXY.
                request_header -Proxy
            \(d.functions.map(functionBlock).joined(separator: "\n"))

                # Under /fn/, only Shelf's functions answer; any other name gets the 404 page.
                handle /fn/* {
                    error 404
                }

                # The static pages with their security headers (the functions send the same ones
                # themselves). X.gz, which `shelf build` writes beside X, goes as it is to clients that
                # accept gzip.
                handle {
                    header {
            \(indented(headers, 12))
                    }
                    # Fingerprinted assets (app.3f9c2a1b07.css) never change under their name: browsers
                    # and CDNs may keep them for a year.
                    header /assets/* Cache-Control "\(SiteRules.assetsCacheControl)"
                    file_server {
                        precompressed gzip
                    }
                }

                # The store's 404 page for an address without a file, and its 500 or 503 page when a
                # function fails or is restarting. Errors a function answers itself keep its own page.
                handle_errors {
            \(indented(errorHandlers, 8))
                }
            }

            # HTTPS: replace `http://:\(d.listen.port)` with the shop's domain name (\(d.hostName)), remove
            # `auto_https off` and the bind line, and let Caddy listen on ports 80 and 443: it gets and
            # renews the certificate itself. Then uncomment Strict-Transport-Security above.

            """
        return d.header(start: start, spawned: true) + Self.tabbed(body)
    }

    /// One matcher and handler per error page: the page, with the static pages' headers.
    private var errorHandlers: [String] {
        SiteRules.errorPages.flatMap { page -> [String] in
            let name = "status" + page.file.dropFirst().prefix { $0 != "." }
            let condition =
                page.statuses.count == 1
                ? "{err.status_code} == \(page.statuses[0])"
                : "{err.status_code} in [\(page.statuses.map(String.init).joined(separator: ", "))]"
            return ["@\(name) expression \(condition)", "handle @\(name) {", "    header {"] + headers.map { "        " + $0 } + [
                "    }", "    rewrite * \(page.file)", "    file_server {", "        precompressed gzip", "    }", "}",
            ]
        }
    }

    private var headers: [String] {
        let (name, value) = SiteRules.strictTransportSecurity
        return SiteRules.securityHeaders.map { "\($0.name) \"\($0.value)\"" } + [
            "# Once the store is served over HTTPS only:", "# \(name) \"\(value)\"",
        ]
    }

    private func functionBlock(_ function: MappedFunction) -> String {
        """

            # The \(function.name) function, over FastCGI from the socket spawn-fcgi listens on.
            # `split` sets PATH_INFO: "" for \(function.path), "/add" for \(function.path)/add, ".json" for \(function.path).json.
            @\(function.name) path \(function.path) \(function.path)/* \(function.path).json
            handle @\(function.name) {
                request_body {
                    max_size \(SiteRules.functionBodyLimit / 1024)KiB
                }
                reverse_proxy unix/\(function.socket) {
                    transport fastcgi {
                        split \(function.path)
                        env SHELF_ROOT \(deployment.store)
                    }
                    # Caddy would pass the function's Status line on as a header; the status says it.
                    header_down -Status
                }
            }
        """
    }

    /// Caddy's own formatter indents with tabs; the templates above use four spaces.
    private static func tabbed(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { (line: Substring) -> String in
            let spaces = line.prefix { $0 == " " }.count
            return String(repeating: "\t", count: spaces / 4) + line.dropFirst(spaces / 4 * 4)
        }.joined(separator: "\n")
    }
}

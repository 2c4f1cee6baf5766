/// The lighttpd 1.4 configuration, started with `lighttpd -D -f FILE`; the functions run as
/// CGI, or as FastCGI processes lighttpd starts itself (`bin-path`).
///
/// lighttpd cannot test whether `X.gz` exists before choosing it, so a client that accepts gzip
/// is sent to `X.gz`, sent back to `X` when that is missing, and mod_deflate compresses any
/// answer that was not pre-compressed: the `Content-Encoding` header is always true.
struct LighttpdConfig {
    let deployment: Deployment

    init(_ deployment: Deployment) {
        self.deployment = deployment
    }

    var text: String {
        let d = deployment
        let run = d.runFolder
        let gateway = d.gateway == .cgi ? "\"mod_cgi\"" : "\"mod_fastcgi\""
        let alias = d.gateway == .cgi ? "\n    \"mod_alias\"," : ""
        return d.header(start: ["lighttpd -tt -f /path/to/this/file", "lighttpd -D -f /path/to/this/file"], spawned: false)
            + """

            # Modules. mod_deflate must come before mod_setenv: see "Pre-compressed copies".
            server.modules = (\(alias)
                "mod_rewrite",
                "mod_deflate",
                "mod_setenv",
                \(gateway),
                "mod_accesslog",
            )

            # Where to listen. lighttpd starts as root to open the port, then becomes this user.
            server.bind = "\(d.listen.isIPv6 ? d.listen.bracketedHost : d.listen.host)"
            server.port = \(d.listen.port)
            server.username = "\(d.user)"
            server.groupname = "\(d.group)"
            server.tag = "lighttpd"

            # The run folder: process id, logs, large request bodies\(d.gateway == .fastCGI ? ", FastCGI sockets" : "").
            server.pid-file = "\(run)/lighttpd.pid"
            server.errorlog = "\(run)/error.log"
            accesslog.filename = "\(run)/access.log"
            server.upload-dirs = ( "\(run)" )

            # The site as `shelf build` writes it; an address without a file gets the store's 404 page,
            # and a function that fails or is restarting the store's 500 or 503 page (STATUS.html).
            server.document-root = "\(d.site)"
            index-file.names = ( "index.html" )
            server.errorfile-prefix = "\(d.site)/"

            # Media types; the .gz copies keep the type of the file they compress.
            mimetype.assign = (
            \(indented(mediaTypes, 4))
            )

            # httpoxy: a request's Proxy header must never reach a function as HTTP_PROXY.
            setenv.set-request-header = ( "Proxy" => "" )

            # Security headers for the static pages (the functions send the same ones themselves).
            $HTTP["url"] !~ "\(functionsPattern)" {
                setenv.add-response-header = (
            \(indented(headers(cache: false), 8))
                )
            }

            # Fingerprinted assets (app.3f9c2a1b07.css) never change under their name: browsers and
            # CDNs may keep them for a year.
            $HTTP["url"] =~ "^/assets/" {
                setenv.add-response-header = (
            \(indented(headers(cache: true), 8))
                )
            }

            # Pre-compressed copies: `shelf build` writes X.gz beside each HTML, CSS, JavaScript, SVG,
            # XML, text and JSON file. A client that accepts gzip is sent to X.gz (the folder's
            # index.html.gz for an address ending in /), and back to X when X.gz is missing. Since a
            # block's rewrite rules replace the outer ones, the functions' rule is repeated here.
            $REQUEST_HEADER["Accept-Encoding"] =~ "gzip" {
                url.rewrite-once = (
            \(indented(jsonRewrites, 8))
                )
                url.rewrite-repeat = (
                    "^(/(?!fn/)[^?]*\\.(?:\(SiteRules.precompressedExtensions.joined(separator: "|"))))(\\?.*)?$" => "$1.gz$2",
                    "^(/(?!fn/)(?:[^?]*/)?)(\\?.*)?$" => "$1index.html.gz$2",
                )
                url.rewrite-if-not-file = ( "^(/[^?]*)\\.gz(\\?.*)?$" => "$1$2" )
            }
            $HTTP["url"] =~ "\\.gz$" {
                setenv.set-response-header = ( "Content-Encoding" => "gzip", "Vary" => "Accept-Encoding" )
                deflate.mimetypes = ( )
            }
            # lighttpd picks the headers above before it knows whether X.gz exists; when it falls back
            # to X, or to the 404 page, mod_deflate compresses that answer so the header stays true.
            deflate.mimetypes = ( "text/", "application/xml", "application/json", "image/svg+xml" )
            deflate.allowed-encodings = ( "gzip" )
            deflate.min-compress-size = 0

            # The functions. /fn/NAME.json reaches the function as /fn/NAME/.json, since lighttpd splits
            # PATH_INFO only at a slash; the function answers both the same way.
            url.rewrite-once = (
            \(indented(jsonRewrites, 4))
            )
            \(d.functions.map(functionBlock).joined(separator: "\n"))

            """
    }

    /// `^/fn/(?:cart|checkout)(?:/|$)`: the addresses of the mapped functions, after the rewrite.
    private var functionsPattern: String {
        "^/fn/(?:\(deployment.functions.map(\.name).joined(separator: "|")))(?:/|$)"
    }

    /// `/fn/cart.json` → `/fn/cart/.json`, keeping the query string.
    private var jsonRewrites: [String] {
        deployment.functions.map { item("^\($0.path)\\.json(\\?.*)?$", "\($0.path)/.json$1") }
    }

    /// Each type for its extension, and for the `.gz` copy of it.
    private var mediaTypes: [String] {
        let compressed = SiteRules.mediaTypes.filter { SiteRules.precompressedExtensions.contains($0.fileExtension) }
            .map { item(".\($0.fileExtension).gz", $0.type) }
        return compressed + SiteRules.mediaTypes.map { item(".\($0.fileExtension)", $0.type) }
    }

    private func headers(cache: Bool) -> [String] {
        var lines = SiteRules.securityHeaders.map { item($0.name, $0.value) }
        if cache { lines.append(item("Cache-Control", SiteRules.assetsCacheControl)) }
        let (name, value) = SiteRules.strictTransportSecurity
        return lines + ["# Once the store is served over HTTPS only:", "# " + item(name, value)]
    }

    private func functionBlock(_ function: MappedFunction) -> String {
        let d = deployment
        let body = "server.max-request-size = \(SiteRules.functionBodyLimit / 1024)"
        switch d.gateway {
        case .cgi:
            return """

                # The \(function.name) function as CGI: one process per request, its body at most \(SiteRules.functionBodyLimit / 1024) KiB.
                $HTTP["url"] =~ "^\(function.path)(?:/|$)" {
                    alias.url = ( "\(function.path)" => "\(function.binary)" )
                    cgi.assign = ( "" => "" )
                    setenv.set-environment = ( "SHELF_ROOT" => "\(d.store)" )
                    \(body)
                    deflate.mimetypes = ( )
                }
                """
        case .fastCGI:
            return """

                # The \(function.name) function as FastCGI: lighttpd starts two processes (and restarts one
                # that exits); each answers one request at a time. Bodies at most \(SiteRules.functionBodyLimit / 1024) KiB.
                $HTTP["url"] =~ "^\(function.path)(?:/|$)" {
                    fastcgi.server = ( "\(function.path)" => ( (
                        "socket" => "\(function.socket)",
                        "bin-path" => "\(function.binary)",
                        "bin-environment" => ( "SHELF_ROOT" => "\(d.store)" ),
                        "max-procs" => 2,
                        "check-local" => "disable",
                    ) ) )
                    \(body)
                    deflate.mimetypes = ( )
                }
                """
        }
    }
}

/// `"key" => "value",`: one entry of a lighttpd list.
private func item(_ key: String, _ value: String) -> String {
    "\"\(key)\" => \"\(value)\","
}

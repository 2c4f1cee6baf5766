/// The nginx configuration, started with `nginx -c FILE -p RUN -g 'daemon off;'`; the functions
/// are FastCGI responders that `spawn-fcgi` starts, since nginx starts no programs itself.
struct NginxConfig {
    let deployment: Deployment

    init(_ deployment: Deployment) {
        self.deployment = deployment
    }

    var text: String {
        let d = deployment
        let run = d.runFolder
        let start = [
            "nginx -t -c /path/to/this/file -p \(run)",
            "nginx -c /path/to/this/file -p \(run) -g 'daemon off;'",
        ]
        return d.header(start: start, spawned: true)
            + """

            # The master process starts as root to open the port; the workers run as this user.
            user \(d.user) \(d.group);
            worker_processes auto;
            pid \(run)/nginx.pid;
            error_log \(run)/error.log;

            events {
                worker_connections 512;
            }

            http {
                # Media types of the files the site holds; anything else is sent as bytes. Text is UTF-8.
                types {
            \(indented(types, 8))
                }
                default_type application/octet-stream;
                charset utf-8;
                charset_types text/css text/javascript text/plain application/xml image/svg+xml;

                access_log \(run)/access.log;
                sendfile on;
                server_tokens off;

                # Temporary files for large request and response bodies, in the run folder.
                client_body_temp_path \(run)/client_body;
                fastcgi_temp_path \(run)/fastcgi;
                proxy_temp_path \(run)/proxy;
                scgi_temp_path \(run)/scgi;
                uwsgi_temp_path \(run)/uwsgi;

                server {
                    listen \(d.listen);
                    server_name \(d.hostName);

                    # The site as `shelf build` writes it; an address without a file gets the store's 404 page,
                    # and a function that fails or is restarting the store's 500 or 503 page.
                    root \(d.site);
                    index index.html;
            \(indented(errorPages, 8))

                    # Pre-compressed copies: X.gz, which `shelf build` writes beside X, goes as it is to
                    # clients that accept gzip.
                    gzip_static on;
                    gzip_vary on;

                    # No address of the store takes a larger request body; the functions' routes take less.
                    client_max_body_size \(SiteRules.functionBodyLimit / 1024)k;

                    # Security headers for the static pages (the functions send the same ones themselves).
                    location / {
            \(indented(headers(cache: false), 12))
                    }

                    # Fingerprinted assets (app.3f9c2a1b07.css) never change under their name: browsers and
                    # CDNs may keep them for a year.
                    location /assets/ {
            \(indented(headers(cache: true), 12))
                    }

                    # Under /fn/, only Shelf's functions answer; any other name gets the 404 page.
                    location /fn/ {
                        return 404;
                    }
            \(d.functions.map(functionBlock).joined(separator: "\n"))
                }
            }

            """
    }

    /// `error_page 502 503 504 /503.html;`
    private var errorPages: [String] {
        SiteRules.errorPages.map { "error_page \($0.statuses.map(String.init).joined(separator: " ")) \($0.file);" }
    }

    /// nginx's `types` block: a type, then its extensions; the charset comes from `charset`.
    private var types: [String] {
        SiteRules.mediaTypes.map { entry in
            let type = entry.type.split(separator: ";").first.map(String.init) ?? entry.type
            return "\(type) \(entry.fileExtension);"
        }
    }

    private func headers(cache: Bool) -> [String] {
        var lines = SiteRules.securityHeaders.map { "add_header \($0.name) \"\($0.value)\" always;" }
        if cache { lines.append("add_header Cache-Control \"\(SiteRules.assetsCacheControl)\" always;") }
        let (name, value) = SiteRules.strictTransportSecurity
        return lines + ["# Once the store is served over HTTPS only:", "# add_header \(name) \"\(value)\" always;"]
    }

    private func functionBlock(_ function: MappedFunction) -> String {
        let d = deployment
        let parameters: [(String, String)] = [
            ("GATEWAY_INTERFACE", "CGI/1.1"),
            ("SERVER_SOFTWARE", "nginx"),
            ("REQUEST_METHOD", "$request_method"),
            ("REQUEST_URI", "$request_uri"),
            ("SCRIPT_NAME", function.path),
            ("PATH_INFO", "$shelf_path_info"),
            ("QUERY_STRING", "$query_string"),
            ("CONTENT_TYPE", "$content_type"),
            ("CONTENT_LENGTH", "$content_length"),
            ("SERVER_PROTOCOL", "$server_protocol"),
            ("REQUEST_SCHEME", "$scheme"),
            ("SERVER_NAME", "$server_name"),
            ("SERVER_PORT", "$server_port"),
            ("REMOTE_ADDR", "$remote_addr"),
            ("REMOTE_PORT", "$remote_port"),
            ("SHELF_ROOT", d.store),
        ]
        let lines =
            parameters.map { "fastcgi_param \($0.0) \"\($0.1)\";" } + [
                "fastcgi_param HTTPS $https if_not_empty;",
                "# httpoxy: a request's Proxy header must never reach a function as HTTP_PROXY.",
                "fastcgi_param HTTP_PROXY \"\";",
            ]
        return """

                    # The \(function.name) function, over FastCGI from the socket spawn-fcgi listens on.
                    # PATH_INFO: "" for \(function.path), "/add" for \(function.path)/add, ".json" for \(function.path).json.
                    location ~ ^\(function.path)(?<shelf_path_info>/.*|\\.json)?$ {
                        fastcgi_pass unix:\(function.socket);
            \(indented(lines, 12))
                    }
            """
    }
}

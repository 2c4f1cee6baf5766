/// The Apache 2.4 configuration, complete without Debian's `/etc/apache2`: started with
/// `apache2 -f FILE -DFOREGROUND`; the functions run as CGI through mod_cgid.
struct ApacheConfig {
    let deployment: Deployment

    init(_ deployment: Deployment) {
        self.deployment = deployment
    }

    /// Debian's module folder (`apache2-bin`).
    static let modules = "/usr/lib/apache2/modules"

    var text: String {
        let d = deployment
        let run = d.runFolder
        let extensions = SiteRules.precompressedExtensions.joined(separator: "|")
        let start = ["apache2 -t -f /path/to/this/file", "apache2 -f /path/to/this/file -DFOREGROUND"]
        return d.header(start: start, spawned: false)
            + """

            # Everything Apache needs is in this file: the run folder holds its process id, logs and
            # locks, and the modules come from Debian's apache2 package.
            ServerRoot "\(run)"
            DefaultRuntimeDir "\(run)"
            PidFile "\(run)/apache2.pid"
            Mutex file:\(run) default
            ErrorLog "\(run)/error.log"
            LogLevel warn
            LogFormat "%h %l %u %t \\"%r\\" %>s %b \\"%{Referer}i\\" \\"%{User-Agent}i\\"" combined
            CustomLog "\(run)/access.log" combined

            \(["mpm_event", "authz_core", "mime", "dir", "alias", "env", "headers", "rewrite", "cgid"].map(loadModule).joined(separator: "\n"))

            # Where to listen. Apache starts as root to open the port; its children, and so the
            # functions, run as this user.
            Listen \(d.listen)
            ServerName \(d.hostName)
            User \(d.user)
            Group \(d.group)
            ServerTokens Prod
            ServerSignature Off

            # Media types; an X.gz copy keeps the type of X and is sent with Content-Encoding: gzip.
            TypesConfig /dev/null
            \(SiteRules.mediaTypes.map { "AddType \"\($0.type)\" .\($0.fileExtension)" }.joined(separator: "\n"))
            AddEncoding gzip .gz

            # httpoxy: a request's Proxy header must never reach a function as HTTP_PROXY.
            RequestHeader unset Proxy early

            # Nothing outside the site and the functions is served.
            <Directory />
                Require all denied
                AllowOverride None
                Options None
            </Directory>

            # The site as `shelf build` writes it; an address without a file gets the store's 404 page,
            # and a function that fails or is restarting the store's 500 or 503 page.
            DocumentRoot "\(d.site)"
            DirectoryIndex index.html
            \(indented(errorDocuments, 0))
            <Directory "\(d.site)">
                Require all granted
                # mod_rewrite needs FollowSymLinks in a Directory block.
                Options FollowSymLinks

                # Security headers for the static pages (the functions send the same ones themselves).
            \(indented(headers, 4))

                # Pre-compressed copies: X.gz, which `shelf build` writes beside X, goes to clients that
                # accept gzip.
                RewriteEngine On
                RewriteCond "%{HTTP:Accept-Encoding}" "gzip"
                RewriteCond "%{REQUEST_FILENAME}.gz" -s
                RewriteRule "^(.*)\\.(\(extensions))$" "$1.$2.gz"
                <FilesMatch "\\.(\(extensions))(\\.gz)?$">
                    Header append Vary Accept-Encoding
                </FilesMatch>
            </Directory>

            # Fingerprinted assets (app.3f9c2a1b07.css) never change under their name: browsers and
            # CDNs may keep them for a year.
            <Directory "\(d.site)/assets">
                Header always set Cache-Control "\(SiteRules.assetsCacheControl)"
            </Directory>

            # The functions, as CGI: mod_cgid starts one process per request, as the user above, and
            # talks to its own daemon over this socket.
            ScriptSock "\(run)/cgid.sock"
            # PATH_INFO: "" for /fn/NAME, "/add" for /fn/NAME/add. Apache splits PATH_INFO only at a
            # slash, so /fn/NAME.json arrives as "/.json", which the function answers as ".json".
            \(d.functions.flatMap(scriptAliases).joined(separator: "\n"))
            <Directory "\(d.functionsFolder)">
                Require all denied
                Options None
            \(indented(d.functions.flatMap(allowed), 4))
            </Directory>
            <Location "/fn/">
                # Request bodies above \(SiteRules.functionBodyLimit / 1024) KiB are refused before any function starts.
                LimitRequestBody \(SiteRules.functionBodyLimit)
                SetEnv SHELF_ROOT "\(d.store)"
            </Location>

            """
    }

    private func loadModule(_ name: String) -> String {
        "LoadModule \(name)_module \(Self.modules)/mod_\(name).so"
    }

    /// `ErrorDocument 503 /503.html`, one line per status.
    private var errorDocuments: [String] {
        SiteRules.errorPages.flatMap { page in page.statuses.map { "ErrorDocument \($0) \(page.file)" } }
    }

    private var headers: [String] {
        let (name, value) = SiteRules.strictTransportSecurity
        return SiteRules.securityHeaders.map { "Header always set \($0.name) \"\($0.value)\"" } + [
            "# Once the store is served over HTTPS only:", "# Header always set \(name) \"\(value)\"",
        ]
    }

    /// Only the function's own name is mapped, so no other file of the folder can run.
    private func scriptAliases(_ function: MappedFunction) -> [String] {
        [
            "ScriptAliasMatch \"^\(function.path)\\.json$\" \"\(function.binary)/.json\"",
            "ScriptAliasMatch \"^\(function.path)(/.*)?$\" \"\(function.binary)$1\"",
        ]
    }

    private func allowed(_ function: MappedFunction) -> [String] {
        ["<Files \"\(function.name)\">", "    Require all granted", "</Files>"]
    }
}

import ArgumentParser
import Foundation
import Glibc
import ShelfConfig
import ShelfDeploy
import ShelfSite

extension Shelf {
    struct ServerConfig: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "server-config",
            abstract: "Print a web server configuration for the store: lighttpd, nginx, Apache or Caddy.",
            discussion: """
                The configuration serves site/ with pre-compressed .gz copies for clients that
                accept gzip, fingerprinted assets cached for a year, security headers and the
                store's 404 page, and maps /fn/NAME to each of Shelf's function executables and
                to nothing else. Its header comment lists the commands to run before the first
                start: the functions run as --user, which must own data/ and the secrets file.
                See docs/deploy.md.

                lighttpd runs the functions as CGI, or as FastCGI with --fastcgi; Apache runs
                them as CGI; nginx and Caddy as FastCGI responders started with spawn-fcgi.

                Examples:
                  shelf server-config nginx --store /srv/shop --listen 0.0.0.0:80
                  shelf server-config lighttpd --fastcgi --functions /usr/local/lib/shelf
                """)

        @Argument(help: "The web server: lighttpd, nginx, apache or caddy.", transform: Self.server) var server: WebServer

        @OptionGroup var options: StoreOption

        @Flag(help: "Run the functions as long-lived FastCGI processes (lighttpd; nginx and Caddy always do).")
        var fastcgi = false

        @Option(help: ArgumentHelp("The address and port to listen on.", valueName: "HOST:PORT"))
        var listen = "127.0.0.1:8080"

        @Option(help: ArgumentHelp("The folder with the function executables (default: next to shelf).", valueName: "DIR"))
        var functions: String?

        @Option(
            help: ArgumentHelp(
                "The server's folder for its process id, logs, sockets and temporary files (default: STORE/.shelf/run/SERVER).",
                valueName: "DIR"))
        var runDir: String?

        @Option(help: ArgumentHelp("The user the functions run as (default: www-data; caddy for Caddy).", valueName: "NAME"))
        var user: String?

        func validate() throws {
            guard ListenAddress(listen) != nil else {
                throw ValidationError("--listen takes HOST:PORT, such as 127.0.0.1:8080, 0.0.0.0:80 or [::1]:8080")
            }
            if fastcgi && !server.gateways.contains(.fastCGI) {
                throw ValidationError("\(server.title) runs the functions as CGI only; leave out --fastcgi")
            }
        }

        func run() throws {
            let folder = options.folder
            let config: StoreConfig
            do {
                config = try StoreConfig.load(from: folder.root)
            } catch {
                throw fail("\(error)")
            }
            let user = self.user ?? server.defaultUser
            let deployment: Deployment
            do {
                deployment = try Deployment(
                    server: server, gateway: gateway, store: folder.root,
                    config: config, functionsFolder: functionsFolder,
                    runFolder: runDir.map(Self.absolute) ?? folder.workFolder + "/run/" + server.rawValue,
                    listen: ListenAddress(listen)!, user: user, group: Self.primaryGroup(of: user))
            } catch {
                throw fail("\(error)")
            }
            for function in deployment.functions where access(function.binary, X_OK) != 0 {
                FileHandle.standardError.write(
                    Data(
                        "warning: \(function.binary) is not an executable here; build it (swift build -c release) or pass --functions\n"
                            .utf8))
            }
            print(deployment.configuration, terminator: "")
        }

        /// FastCGI when asked for, else the server's own way: CGI, or FastCGI for nginx and Caddy.
        private var gateway: Gateway { fastcgi ? .fastCGI : server.gateways[0] }

        /// Where the function binaries are: SwiftPM builds them next to `shelf`.
        private var functionsFolder: String {
            if let functions { return Self.absolute(functions) }
            return (Bundle.main.executableURL ?? URL(fileURLWithPath: "/proc/self/exe")).resolvingSymlinksInPath()
                .deletingLastPathComponent().path
        }

        private static func server(_ name: String) throws -> WebServer {
            guard let server = WebServer(rawValue: name) else {
                throw ValidationError("unknown web server \"\(name)\"; choose lighttpd, nginx, apache or caddy")
            }
            return server
        }

        private static func absolute(_ path: String) -> String {
            URL(fileURLWithPath: path).standardizedFileURL.path
        }

        /// The user's primary group on this machine, or a group of the same name (Debian's
        /// convention) when the user does not exist here.
        private static func primaryGroup(of user: String) -> String {
            guard let account = getpwnam(user), let group = getgrgid(account.pointee.pw_gid) else { return user }
            return String(cString: group.pointee.gr_name)
        }
    }
}

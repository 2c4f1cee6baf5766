import ArgumentParser
import Foundation
import Glibc
import Hummingbird
import ShelfConfig
import ShelfMail
import ShelfSite

extension Shelf {
    struct Serve: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "serve",
            abstract: "Serve site/ locally, rebuild when sources change and reload open pages.",
            discussion: """
                Builds first, then serves the site and watches shelf.toml, content/, templates/,
                themes/, static/ (with inotify: it learns which files changed, at no cost while
                nothing does) and the stock in the database (inotify hears an SQLite database
                written; PostgreSQL's is read every 0.3 s). An edit or a stock change (shelf
                stock set, adjust or import, an order) triggers an incremental build told what
                changed, so an edited product file is the only one it looks at, and the browser
                reloads. A build error is printed, shown over the open pages, and the last good
                site keeps being served. --poll compares every file's time instead, for folders
                whose edits inotify does not see (network and shared folders).
                Requests to /fn/NAME run the function NAME as CGI, one process each, as a web
                server would; when the functions cannot run (no data/secrets.toml, say), the
                terminal and the function's page say why and what fixes it. When [mail] sends to
                a folder (the default), the emails orders cause are delivered there as they are
                queued, their links pointing at this server, and shown at /_dev/mail.

                Example:
                  shelf serve --store my-shop --port 8080
                """)

        @OptionGroup var options: StoreOption

        @Option(help: "The address to listen on.") var host = "127.0.0.1"
        @Option(help: "The port to listen on.") var port = 8080
        @Flag(help: "Do not watch for changes.") var noWatch = false
        @Flag(help: "Watch by polling every file's time, for network or shared folders whose edits inotify does not see.")
        var poll = false
        @Option(help: ArgumentHelp("The folder with the function executables (default: next to shelf).", valueName: "DIR"))
        var functions: String?

        /// Where the function binaries are: SwiftPM builds them next to `shelf`.
        var functionsFolder: String {
            if let functions { return URL(fileURLWithPath: functions).standardizedFileURL.path }
            return (Bundle.main.executableURL ?? URL(fileURLWithPath: "/proc/self/exe")).resolvingSymlinksInPath()
                .deletingLastPathComponent().path
        }

        /// This server's address, for links: `http://127.0.0.1:8080`.
        var address: String {
            let shown = host == "0.0.0.0" ? "127.0.0.1" : host == "::" ? "::1" : host
            return "http://\(shown.contains(":") ? "[\(shown)]" : shown):\(port)"
        }

        /// How often the stock is read while no write to the database is heard:
        /// `SHELF_SERVE_STOCK_POLL` (seconds) when set, for tests only (a long one leaves a stock
        /// change nothing but its heard writes to start a build); nil, the default, for 0.3 s
        /// where writes are not heard and 5 s where they are. A value that is no finite number is
        /// ignored, and one is kept within 0.01 s and a day: the wait becomes a `poll` timeout in
        /// milliseconds, which must fit 32 bits.
        var stockPoll: Double? {
            guard let value = ProcessInfo.processInfo.environment["SHELF_SERVE_STOCK_POLL"].flatMap(Double.init), value.isFinite else {
                return nil
            }
            return min(max(value, 0.01), 86_400)
        }

        /// ` --store DIR` for the commands shelf suggests; "" when the store is the current folder.
        var storeArgument: String {
            guard options.store != "." else { return "" }
            let plain = options.store.allSatisfy { $0.isLetter || $0.isNumber || "/._-+@,".contains($0) }
            return " --store " + (plain ? options.store : "'" + options.store.replacingOccurrences(of: "'", with: "'\\''") + "'")
        }

        /// Delivers the outbox every second on a thread of its own when the store mails to a
        /// folder, and returns that folder's mailbox; nil, delivering nothing, when it mails
        /// through SMTP (`shelf mail deliver` does that) or the settings cannot be read.
        func startMailDelivery(_ folder: StoreFolder) -> DevMailbox? {
            let mailer: Mailer
            do {
                let store = try openStore(options)
                mailer = try Mailer.load(root: folder.root, store: store, baseURL: address) { line in
                    FileHandle.standardError.write(Data((line + "\n").utf8))
                }
            } catch {
                FileHandle.standardError.write(Data("mail: \(error); emails stay queued\n".utf8))
                return nil
            }
            guard case .folder = mailer.settings.transport else {
                print("Emails go out through SMTP: run `shelf mail deliver --watch` to send them.")
                return nil
            }
            let mailbox = DevMailbox(folder: mailer.folderPath)
            Thread.detachNewThread {
                while true {
                    do {
                        _ = try mailer.delivery.deliverDue { Int64(Date().timeIntervalSince1970) }
                    } catch {
                        FileHandle.standardError.write(Data("mail: \(error)\n".utf8))
                    }
                    Thread.sleep(forTimeInterval: 1)
                }
            }
            print("Emails are delivered to \(folder.relative(mailbox.folder)) and shown at \(address)/_dev/mail; their links point here.")
            return mailbox
        }

        func run() async throws {
            let folder = options.folder
            let builder = SiteBuilder(folder: folder)
            let status = BuildStatus()
            // Watching starts before the first build, so that no edit falls between the two.
            let watcher = noWatch ? nil : Watcher(folder: folder, polling: poll, stockPoll: stockPoll)
            do {
                warn(about: try builder.build(.init(quiet: false)).brokenLinks)
            } catch let failure as BuildFailure {
                FileHandle.standardError.write(Data((failure.description + "\n").utf8))
                if !FileManager.default.fileExists(atPath: folder.siteFolder) { throw ExitCode.failure }
                status.failed(failure.description)
            }
            if let watcher {
                print("Watching for changes (\(watcher.kind)).")
                fflush(nil)
                watch(watcher, builder: builder, status: status)
            }
            signal(SIGPIPE, SIG_IGN)
            let readiness = FunctionReadiness(root: folder.root, storeArgument: storeArgument)
            if let problem = readiness.problem() {
                FileHandle.standardError.write(Data("Warning: \(problem)\n".utf8))
            }
            let functions = CGIRunner(
                binaries: functionsFolder, root: folder.root, host: host, port: port, address: address, readiness: readiness)
            let server = DevServer(site: folder.siteFolder, status: status, functions: functions, mailbox: startMailDelivery(folder))
            let app = Application(
                router: server.router(),
                configuration: .init(address: .hostname(host, port: port), serverName: "shelf"),
                onServerRunning: { _ in print("Serving \(folder.relative(folder.siteFolder)) at \(address)/") })
            try await app.runService()
        }

        /// Rebuilds on a thread of its own whenever the sources or the stock change, telling each
        /// build which files changed.
        private func watch(_ watcher: Watcher, builder: SiteBuilder, status: BuildStatus) {
            Thread.detachNewThread {
                // What a failed build was told is not published yet: the next build looks at every file.
                var failedBefore = status.error != nil
                while true {
                    let changes = watcher.next()
                    do {
                        let summary = try builder.build(.init(quiet: true, changedFiles: failedBefore ? nil : changes.changedFiles))
                        failedBefore = false
                        watcher.built(upTo: summary.stockVersion)
                        print(summary.description)
                        // Line by line even into a file or a pipe (nil: every stream): the log says which build published what.
                        fflush(nil)
                        warn(about: summary.brokenLinks)
                        status.succeeded(changed: !summary.written.isEmpty || !summary.removed.isEmpty)
                    } catch {
                        failedBefore = true
                        FileHandle.standardError.write(Data("\(error)\n".utf8))
                        status.failed("\(error)")
                    }
                }
            }
        }
    }
}

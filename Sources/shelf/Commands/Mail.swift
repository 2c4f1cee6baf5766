import ArgumentParser
import Foundation
import ShelfConfig
import ShelfCore
import ShelfMail
import ShelfSite
import ShelfStore

extension Shelf {
    struct MailCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "mail",
            abstract: "Send the emails the store owes, and show the queue and the sent log.",
            discussion: """
                Order changes queue their emails in the database; `deliver` sends them through the
                [mail] transport of shelf.toml (an SMTP server, or a folder of .eml files).

                Examples:
                  shelf mail deliver                # once, e.g. from cron every minute
                  shelf mail deliver --watch        # keep sending as emails are queued
                  shelf mail deliver --now          # the mail server is back: retry at once
                  shelf mail deliver --rate 50      # at most 50 messages a second (a newsletter)
                  shelf mail list --status failed
                """,
            subcommands: [Deliver.self, List.self])
    }
}

extension Shelf.MailCommand {
    struct Deliver: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "deliver",
            abstract: "Send every email that is due; retry failures later with growing delays.",
            discussion: "Example:\n  shelf mail deliver --watch --interval 5")

        @OptionGroup var options: StoreOption
        @Flag(help: "Keep running, sending new emails as they are queued.") var watch = false
        @Option(help: "With --watch, seconds between looks at the queue.") var interval: Int = 5
        @Flag(help: "Also send the emails waiting to be retried, now (the mail server is back).") var now = false
        @Option(help: ArgumentHelp("At most N messages a second; [mail] rate in shelf.toml sets the default.", valueName: "N"))
        var rate: Int?

        func validate() throws {
            guard (1...3600).contains(interval) else { throw ValidationError("--interval is between 1 and 3600 seconds") }
            if let rate, !(1...100_000).contains(rate) { throw ValidationError("--rate is between 1 and 100000 messages a second") }
        }

        func run() throws {
            let store = try openStore(options)
            let mailer: Mailer
            do {
                mailer = try Mailer.load(root: options.folder.root, store: store, rate: rate) { line in
                    FileHandle.standardError.write(Data((line + "\n").utf8))
                }
            } catch {
                throw fail("\(error)")
            }
            repeat {
                let report = try mailer.delivery.deliverDue(includingRetries: now) { Int64(Date().timeIntervalSince1970) }
                if report.anotherDelivererHadTheTurn {
                    // A watcher on a standby host says nothing until it gets the turn.
                    if !watch { print("Another shelf mail deliver is sending this store's mail; nothing sent.") }
                } else if !watch || report.sent + report.retrying + report.failed > 0 {
                    print("Sent \(report.sent), to retry \(report.retrying), failed \(report.failed).")
                }
                if watch { sleep(UInt32(interval)) }
            } while watch
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list",
            abstract: "Show the queue and the sent log, newest first.", discussion: "Example:\n  shelf mail list --status pending")

        @OptionGroup var options: StoreOption
        @Option(help: "Only emails with this status (pending, sent, failed).") var status: String?

        func validate() throws {
            if let status, OutboxMessage.Status(rawValue: status) == nil {
                throw ValidationError("unknown status \(status); use pending, sent or failed")
            }
        }

        func run() throws {
            let store = try openStore(options)
            let messages = try store.mail(status: status.flatMap(OutboxMessage.Status.init(rawValue:)))
            let rows = messages.map { message in
                let order = message.orderID.map { " (order \(OrderNumber(id: $0)))" } ?? ""
                let when = Date(timeIntervalSince1970: TimeInterval(message.sentAt ?? message.createdAt)).formatted(.iso8601)
                return [
                    String(message.id), message.recipient, message.subject ?? message.email.rawValue + order, when, message.status.rawValue,
                    String(message.attempts), message.lastError ?? "",
                ]
            }
            for line in columns([["ID", "TO", "SUBJECT", "TIME", "STATUS", "TRIES", "ANSWER"]] + rows) { print(line) }
            if messages.isEmpty { print("No emails.") }
        }
    }
}

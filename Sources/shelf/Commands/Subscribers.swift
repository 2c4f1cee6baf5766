import ArgumentParser
import Foundation
import ShelfConfig
import ShelfCrypto
import ShelfHTTP
import ShelfSite
import ShelfStore

extension Shelf {
    struct SubscribersCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "subscribers",
            abstract: "List, export and import the newsletter's subscribers.",
            discussion: """
                Only confirmed subscribers get newsletters. An import never confirms anyone: each new
                address gets a confirmation email, and its consent record names the file.

                Examples:
                  shelf subscribers list --status confirmed
                  shelf subscribers export subscribers.csv
                  shelf subscribers import old-list.csv
                """,
            subcommands: [List.self, Export.self, Import.self])
    }
}

extension Shelf.SubscribersCommand {
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list",
            abstract: "List the subscribers by address, with their status and topics.",
            discussion: "Example:\n  shelf subscribers list --status pending")

        @OptionGroup var options: StoreOption
        @Option(help: ArgumentHelp("Only subscribers in this status: pending, confirmed, unsubscribed or bounced.", valueName: "STATUS"))
        var status: String?

        func validate() throws {
            if let status, Subscriber.Status(rawValue: status) == nil {
                throw ValidationError("--status must be pending, confirmed, unsubscribed or bounced, not \"\(status)\"")
            }
        }

        func run() throws {
            let store = try openStore(options)
            let subscribers = try store.subscribers(status: status.flatMap(Subscriber.Status.init(rawValue:)))
            guard !subscribers.isEmpty else { return print(status.map { "No \($0) subscribers." } ?? "No subscribers.") }
            let rows = subscribers.map { subscriber in
                [
                    subscriber.email, subscriber.status.rawValue,
                    subscriber.topics.isEmpty ? "-" : subscriber.topics.joined(separator: " "),
                    time(subscriber.createdAt), subscriber.confirmedAt.map(time) ?? "-",
                ]
            }
            for line in columns([["EMAIL", "STATUS", "TOPICS", "SIGNED UP", "CONFIRMED"]] + rows) { print(line) }
        }
    }

    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "export",
            abstract: "Write every subscriber to a CSV file.",
            discussion: """
                Columns: email,status,topics,created_at,confirmed_at,unsubscribed_at (Unix seconds).

                Example:
                  shelf subscribers export subscribers.csv
                """)

        @OptionGroup var options: StoreOption
        @Argument(help: ArgumentHelp("The CSV file to write.", valueName: "FILE")) var file: String

        func run() throws {
            let store = try openStore(options)
            let subscribers = try store.subscribers()
            guard FileManager.default.createFile(atPath: file, contents: Data(SubscriberCSV.write(subscribers).utf8)) else {
                throw fail("\(file): cannot be written")
            }
            print("Wrote \(subscribers.count) subscriber\(subscribers.count == 1 ? "" : "s") to \(file)")
        }
    }

    struct Import: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "import",
            abstract: "Ask the addresses of a CSV file to confirm a subscription.",
            discussion: """
                The file has a header line naming the column email, and optionally topics (ids
                separated by spaces; all topics when empty) and consent (the words the person agreed
                to). A bad line imports nothing and is named. Each address is recorded as pending
                with the file as its consent source, and gets a confirmation email (at most three a
                day per address); confirmed subscribers that already get the topics get nothing.

                Example:
                  shelf subscribers import old-list.csv
                """)

        @OptionGroup var options: StoreOption
        @Argument(help: ArgumentHelp("The CSV file.", valueName: "FILE")) var file: String

        func run() throws {
            guard let data = FileManager.default.contents(atPath: file), let text = String(data: data, encoding: .utf8) else {
                throw fail("\(file): cannot be read as UTF-8 text")
            }
            let config = try loadConfig(options)
            let all = config.newsletterTopics.map(\.id)
            let lines = try failing { try SubscriberCSV.parse(text, file: file, topics: Set(all)) }
            let secrets = try failing { try Secrets.load(options.folder.root + "/" + config.secretsFile, name: config.secretsFile) }
            let store = try openStore(options)
            let name = (file as NSString).lastPathComponent
            var queued = 0
            for line in lines {
                let request = SubscriptionRequest(
                    source: "import: \(name)", wording: line.consent ?? "Imported from \(name)",
                    topics: line.topics.isEmpty ? all : line.topics)
                let token = AccountLink.issue(SystemRandom(), key: secrets.sessionKey).token
                let outcome = try failing("\(file):\(line.line)") {
                    try store.requestSubscription(email: line.email, request, confirmation: token, client: "", now: currentTime)
                }
                if outcome == .confirmationQueued { queued += 1 }
            }
            print(
                "Imported \(lines.count) address\(lines.count == 1 ? "" : "es") from \(file); \(queued) confirmation email\(queued == 1 ? "" : "s") queued"
            )
        }
    }
}

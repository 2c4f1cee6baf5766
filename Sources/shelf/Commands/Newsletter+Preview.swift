import ArgumentParser
import Foundation
import ShelfConfig
import ShelfMail
import ShelfSite
import ShelfStore

extension Shelf.NewsletterCommand {
    struct Preview: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "preview",
            abstract: "Write the newsletter's HTML to a file to look at, and send one copy to yourself.",
            discussion: """
                The copy goes through the [mail] transport of shelf.toml (the dev mailbox of
                `shelf serve` by default) to --to, or to the store's own address. Its links are
                plain links, not tracked, and nobody else is sent anything.

                Example:
                  shelf newsletter preview content/newsletters/spring.md --to me@example.com
                """)

        @OptionGroup var options: StoreOption
        @Argument(help: ArgumentHelp("The newsletter file.", valueName: "FILE")) var file: String
        @Option(help: ArgumentHelp("Where to write the HTML; .shelf/newsletters/NAME.html by default.", valueName: "PATH"))
        var output: String?
        @Option(help: ArgumentHelp("Who gets the preview copy; the store's [mail] from address by default.", valueName: "EMAIL"))
        var to: String?

        func run() throws {
            let (newsletter, subject, html, text) = try Shelf.NewsletterCommand.render(file, options: options)
            let root = options.folder.root
            let config = try failing { try StoreConfig.load(from: root) }
            let copy = NewsletterCopy(previewHTML: html, text: text, links: newsletter.links, baseURL: config.baseURL)
            let path = output ?? options.folder.workFolder + "/newsletters/\(newsletter.slug).html"
            try failing(path) {
                try FileManager.default.createDirectory(
                    atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
                try Data(copy.html.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
            }
            print("Wrote \(path)")
            let store = try openStore(options)
            let mailer = try failing { try Mailer.load(root: root, store: store) { _ in } }
            let from = try failing { try MailAddress.parse(mailer.settings.from) }
            let recipient = try failing("--to") { try to.map { try MailAddress(email: $0) } ?? from }
            let domain = from.email.split(separator: "@").last.map(String.init) ?? "localhost"
            let now = Int64(Date().timeIntervalSince1970)
            let message = try failing {
                try MailMessage(
                    from: from, to: recipient, subject: "[Preview] " + subject,
                    messageID: "preview.\(newsletter.slug).\(now).\(UInt32.random(in: 0...UInt32.max))@\(domain)", date: now,
                    text: copy.text,
                    html: copy.html)
            }
            try failing("sending the preview to \(recipient.email)") { try mailer.transport.send(message) }
            print("Sent a preview to \(recipient.email) through the \(mailer.settings.transport.rawValue) transport.")
        }
    }
}

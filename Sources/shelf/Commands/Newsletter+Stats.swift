import ArgumentParser
import Foundation
import ShelfConfig
import ShelfStore

extension Shelf.NewsletterCommand {
    struct Stats: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "stats",
            abstract: "Show what became of the newsletters: queued, sent, bounced, unsubscribed, opens, clicks per section.",
            discussion: "Examples:\n  shelf newsletter stats\n  shelf newsletter stats content/newsletters/spring.md")

        @OptionGroup var options: StoreOption
        @Argument(help: ArgumentHelp("A newsletter file or name; all of them when left out.", valueName: "FILE")) var file: String?

        func run() throws {
            let store = try openStore(options)
            let issues: [NewsletterIssue]
            if let file {
                let slug = ((file as NSString).lastPathComponent as NSString).deletingPathExtension
                guard let issue = try store.newsletter(slug: slug) else { throw fail("\(file): the newsletter \(slug) was never sent") }
                issues = [issue]
            } else {
                issues = try store.newsletters()
            }
            if issues.isEmpty { return print("No newsletter was sent yet.") }
            let all = try issues.map(store.newsletterStats)
            let trackOpens = try loadConfig(options).mail.trackOpens
            let rows = all.map { stats in
                [
                    stats.issue.slug, stats.issue.audience, String(stats.queued), String(stats.sent), String(stats.pending),
                    String(stats.failed), String(stats.bounced), String(stats.unsubscribed),
                    trackOpens ? String(stats.opened) : "off", String(stats.sections.reduce(0) { $0 + $1.clicks }),
                ]
            }
            let header = ["NEWSLETTER", "AUDIENCE", "QUEUED", "SENT", "PENDING", "FAILED", "BOUNCED", "UNSUBSCRIBED", "OPENS", "CLICKS"]
            for line in columns([header] + rows) { print(line) }
            for stats in all where !stats.sections.isEmpty {
                print("\nClicks of \(stats.issue.slug) by section:")
                let sections = stats.sections.map { [$0.section, String($0.clicks), String($0.clickers)] }
                for line in columns([["SECTION", "CLICKS", "SUBSCRIBERS"]] + sections) { print(line) }
            }
        }
    }
}

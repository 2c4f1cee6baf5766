import ArgumentParser
import Foundation
import ShelfConfig
import ShelfSite
import ShelfStore

extension Shelf.NewsletterCommand {
    struct Send: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "send",
            abstract: "Queue the newsletter to every subscriber of its audience who has not been sent it.",
            discussion: """
                Sending again never emails anyone twice, and a send that was interrupted queues only
                the missing recipients. `shelf mail deliver` sends the queue. With [mail] track_opens =
                true, each email carries a 1x1 image that counts its first opening.

                Example:
                  shelf newsletter send content/newsletters/spring.md && shelf mail deliver --rate 200
                """)

        @OptionGroup var options: StoreOption
        @Argument(help: ArgumentHelp("The newsletter file.", valueName: "FILE")) var file: String

        func run() throws {
            let (newsletter, subject, rendered, text) = try Shelf.NewsletterCommand.render(file, options: options)
            let html = try loadConfig(options).mail.trackOpens ? NewsletterOpenTag.insert(into: rendered) : rendered
            let store = try openStore(options)
            let now = Int64(Date().timeIntervalSince1970)
            let (issue, queued) = try failing(newsletter.slug) {
                let issue = try store.recordNewsletter(
                    slug: newsletter.slug, subject: subject, audience: newsletter.audience, html: html, text: text,
                    links: newsletter.links, now: now)
                return (issue, try store.queueNewsletter(issue, to: newsletter.audience, now: now))
            }
            if issue.createdAt != now, issue.html != html || issue.text != text || issue.subject != subject {
                print("Note: \(newsletter.slug) was first sent on \(time(issue.createdAt)); its remaining emails keep that version.")
            }
            print("Queued \(queued) email\(queued == 1 ? "" : "s") of \(newsletter.slug) (audience: \(newsletter.audience)).")
            if queued == 0 { print("Everyone in the audience was already sent it.") }
        }
    }
}

import ArgumentParser
import Foundation
import ShelfConfig
import ShelfHTTP
import ShelfSite
import ShelfStore

extension Shelf {
    struct NewsletterCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "newsletter",
            abstract: "Preview, send and follow the newsletters of content/newsletters/.",
            discussion: """
                A newsletter is a Markdown file with front matter (subject, preheader, audience,
                optional sections); `send` queues one email per subscriber of its audience, and
                `shelf mail deliver` sends them. See docs/newsletters.md.

                Examples:
                  shelf newsletter preview content/newsletters/spring.md
                  shelf newsletter send content/newsletters/spring.md
                  shelf mail deliver --rate 200
                  shelf newsletter stats spring
                """,
            subcommands: [Preview.self, Send.self, Stats.self])
    }
}

extension Shelf.NewsletterCommand {
    /// The newsletter of `file` read against the store's content, in the theme's email layout;
    /// a problem with the file ends the command with `file:line: what to fix`.
    static func render(_ file: String, options: StoreOption) throws -> (newsletter: Newsletter, subject: String, html: String, text: String)
    {
        let root = options.folder.root
        let content = try failing { try ContentLoader.load(options.folder) }
        let relative = file.hasPrefix(root + "/") ? String(file.dropFirst(root.count + 1)) : file
        let newsletter = try failing { try NewsletterReader.read(root: root, file: relative, content: content) }
        let pages = try failing { try ThemePages.load(root: root, config: content.config) }
        let (subject, html, text) = try failing("emails/newsletter") { try NewsletterLayout(pages: pages).render(newsletter) }
        return (newsletter, subject, html, text)
    }
}

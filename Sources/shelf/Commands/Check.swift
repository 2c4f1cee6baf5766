import ArgumentParser
import Foundation
import ShelfSite

extension Shelf {
    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "check",
            abstract: "Validate a store and the links of its pages without touching site/.",
            discussion: """
                Builds the whole site into a temporary folder, checks that every internal link of
                every page resolves, and deletes the folder. Changes neither site/ nor the database.
                A broken link written in a content file is named by its file and line
                (content/pages/faq.md:8: links to /old/, which the site does not have); one a
                template makes, by the page it is on.
                Warns about what would stop a checkout: no country to sell to, products without
                stock, a missing secrets file or payment keys.

                Example:
                  shelf check --store my-shop
                """)

        @OptionGroup var options: StoreOption

        func run() throws {
            let folder = options.folder
            let temporary = FileManager.default.temporaryDirectory.appendingPathComponent("shelf-check-\(getpid())").path
            defer { try? FileManager.default.removeItem(atPath: temporary) }
            do {
                let summary = try SiteBuilder(folder: folder).build(
                    .init(full: true, destination: temporary, syncDatabase: false, quiet: true))
                for warning in CheckoutReadiness.warnings(in: folder) {
                    FileHandle.standardError.write(Data("warning: \(warning)\n".utf8))
                }
                // A link a content file makes is named by its file and line; the pages are
                // scanned too, for links the templates make.
                let named = Set(summary.brokenLinks.map(\.target))
                let broken = summary.brokenLinks + LinkChecker.check(site: temporary).filter { !named.contains($0.target) }
                guard broken.isEmpty else {
                    throw fail(broken.map(\.description).joined(separator: "\n") + "\n\(broken.count) broken link(s)")
                }
                print("\(folder.relative(folder.configFile)): the store is valid; \(summary.files) files, every internal link resolves")
            } catch let failure as BuildFailure {
                throw fail(failure.description)
            }
        }
    }
}

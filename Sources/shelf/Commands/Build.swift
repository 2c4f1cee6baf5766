import ArgumentParser
import ShelfSite

extension Shelf {
    struct Build: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "build",
            abstract: "Render the store into site/, re-rendering only what changed.",
            discussion: """
                Loads content and theme, migrates the database and syncs the catalogue into it,
                then renders every page whose inputs changed since the last build. A full build
                writes a new folder and swaps it in atomically; on any error the old site/ and
                database stay as they were. A link in a content file to a page the site does not
                have is a warning (`shelf check` makes it an error). A second build of the same
                store waits for the first to finish.

                Campaigns show on the pages only while they run: each build records the next
                moment one starts or ends, and `shelf build --due` (from a timer) builds only once
                that moment has come, re-rendering the pages it changes.

                A caller that knows what changed (an editor's save hook, a git hook, a stock
                command) can say so: `--changed FILE` (repeatable) or `--changed-only` with no
                files (only stock levels changed). When those are product files whose change no
                listing shows, the build looks at them alone instead of every product file; any
                other file takes an ordinary build. Edits not named wait for the next plain build.

                Example:
                  shelf build --store my-shop
                  shelf build --store my-shop --changed my-shop/content/products/tee.md
                  shelf build --due --quiet
                """)

        @OptionGroup var options: StoreOption

        @Flag(help: "Render every page, ignoring the incremental cache.")
        var full = false

        @Flag(help: "Print only errors.")
        var quiet = false

        @Option(
            name: .customLong("changed"),
            help: ArgumentHelp("A content file changed since the last build (repeatable); implies --changed-only.", valueName: "FILE"))
        var changed: [String] = []

        @Flag(help: "Trust that no content file changed but those given with --changed: stat only them.")
        var changedOnly = false

        @Flag(help: "Build only when a campaign started or ended since the last build; otherwise do nothing.")
        var due = false

        func run() throws {
            if due, !CampaignSchedule.isDue(options.folder, now: CampaignSchedule.now()) {
                if !quiet { print("Nothing is due.") }
                return
            }
            do {
                let summary = try SiteBuilder(folder: options.folder).build(
                    .init(full: full, quiet: quiet, changedFiles: changedOnly || !changed.isEmpty ? changed : nil))
                warn(about: summary.brokenLinks)
            } catch let failure as BuildFailure {
                throw fail(failure.description)
            }
        }
    }
}

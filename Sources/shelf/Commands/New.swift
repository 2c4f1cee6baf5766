import ArgumentParser
import ShelfSite

extension Shelf {
    struct New: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "new",
            abstract:
                "Create a new store that can sell once built: the default theme, two sample products in stock, checkout settings, a secrets file.",
            discussion: """
                Example:
                  shelf new my-shop && shelf build --store my-shop
                """)

        @Argument(help: ArgumentHelp("The folder to create.", valueName: "DIR"))
        var directory: String

        func run() throws {
            guard let theme = NewStore.defaultThemeFolder() else {
                throw fail("cannot find the default theme; set SHELF_THEMES to the themes/ folder of Shelf")
            }
            do {
                try NewStore.create(at: directory, theme: theme)
            } catch {
                throw fail("\(error)")
            }
            try Shelf.SecretsCommand.Initialise.parse(["--store", directory]).run()
            print(
                "Created \(directory), with \(NewStore.sampleUnits) of each sample SKU in stock. "
                    + "Next: shelf build --store \(directory) && shelf serve --store \(directory)")
        }
    }
}

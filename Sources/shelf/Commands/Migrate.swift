import ArgumentParser
import ShelfSite
import ShelfStore

extension Shelf {
    struct Migrate: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Create the database or bring its schema up to date.",
            discussion: """
                The database is data/shelf.sqlite in the store folder. shelf build migrates too.

                Example:
                  shelf migrate --store my-shop
                """)

        @OptionGroup var options: StoreOption

        func run() throws {
            let folder = options.folder
            do {
                let applied = try Store.open(at: folder.databaseFile).migrate()
                print(applied.isEmpty ? "The database is up to date." : "Applied: \(applied.joined(separator: ", "))")
            } catch {
                throw fail("\(folder.relative(folder.databaseFile)): \(error)")
            }
        }
    }
}

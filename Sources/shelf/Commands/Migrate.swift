import ArgumentParser
import ShelfSite
import ShelfStore

extension Shelf {
    struct Migrate: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "migrate",
            abstract: "Create the database or bring its schema up to date.",
            discussion: """
                The database is data/shelf.sqlite in the store folder, or the PostgreSQL database of
                SHELF_DATABASE_URL or [database] url in shelf.toml. shelf build migrates too.
                It holds customers' names and addresses: data/ is made private to its owner
                (mode 700) and the database files readable by their owner only (mode 600).

                Example:
                  shelf migrate --store my-shop
                """)

        @OptionGroup var options: StoreOption

        func run() throws {
            let folder = options.folder
            let location = try failing { try folder.databaseLocation() }
            do {
                let applied = try Store.open(location).migrate()
                if case .sqlite(let path) = location {
                    for path in DatabaseFiles(path).restrictAccess() {
                        print("Made \(folder.relative(path)) private to its owner.")
                    }
                }
                print(applied.isEmpty ? "The database is up to date." : "Applied: \(applied.joined(separator: ", "))")
            } catch {
                throw fail("\(folder.databaseName(location)): \(error)")
            }
        }
    }
}

import ArgumentParser

extension Shelf {
    struct DatabaseCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "db",
            abstract: "Move the store's database from SQLite to PostgreSQL.",
            discussion: """
                Example:
                  shelf db copy --to postgresql://shelf@db.internal/shop
                """,
            subcommands: [Copy.self])
    }
}

import ArgumentParser

/// The `shelf` command line: build, check and run a store.
@main
struct Shelf: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "shelf",
        abstract: "Build and run an online store that is mostly static files.",
        discussion: """
            A store is a folder with shelf.toml, content/, themes/, static/ and data/.
            Run commands inside it, or point at it with --store DIR.

            Example:
              shelf new my-shop && cd my-shop && shelf build && shelf serve
            """,
        subcommands: [
            Build.self, Check.self, Serve.self, Migrate.self, StockCommand.self, OrdersCommand.self, CustomersCommand.self,
            SubscribersCommand.self, CampaignsCommand.self, AnalyticsCommand.self, NewsletterCommand.self,
            MailCommand.self, SecretsCommand.self, DatabaseCommand.self, ReviewsCommand.self,
            ServerConfig.self,
            New.self,
        ]
    )
}

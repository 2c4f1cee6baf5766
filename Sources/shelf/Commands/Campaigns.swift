import ArgumentParser
import Foundation
import ShelfConfig
import ShelfCore
import ShelfHTTP
import ShelfStore

extension Shelf {
    struct CampaignsCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "campaigns",
            abstract: "Show the campaigns `shelf build` synced, and how they did.",
            discussion: """
                Campaigns come from content/campaigns/*.md; `shelf build` copies their windows and
                discount rules into the database, where the cart and checkout read them.

                Example:
                  shelf campaigns list
                  shelf campaigns list --format json
                """,
            subcommands: [List.self])
    }
}

extension Shelf.CampaignsCommand {
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list",
            abstract: "List each campaign's window, status, orders, revenue and discount given.",
            discussion: """
                Orders count when they used one of the campaign's discounts and were not cancelled
                or expired; revenue adds up the totals of those that were paid.

                Example:
                  shelf campaigns list --format json
                """)

        @OptionGroup var options: StoreOption
        @Option(help: ArgumentHelp("text or json.", valueName: "FORMAT")) var format = "text"

        func validate() throws {
            guard ["text", "json"].contains(format) else { throw ValidationError("--format must be text or json, not \"\(format)\"") }
        }

        func run() throws {
            let config = try loadConfig(options)
            let prices = PriceFormatter(locale: config.locale, currency: config.currency)
            let store = try openStore(options)
            let reports = try failing { try store.campaignReports(currency: config.currency) }
            let now = Int64(Date().timeIntervalSince1970)
            if format == "json" { return print(json(reports, now: now).text) }
            guard !reports.isEmpty else { return print("No campaigns. Add content/campaigns/*.md and run shelf build.") }
            let rows = reports.map { report in
                [
                    report.handle, report.window.starts.map(time) ?? "-", report.window.ends.map(time) ?? "-",
                    status(report, now: now), String(report.orders), prices.string(report.revenue), prices.string(report.discountGiven),
                ]
            }
            for line in columns([["CAMPAIGN", "STARTS", "ENDS", "STATUS", "ORDERS", "REVENUE", "DISCOUNT"]] + rows) { print(line) }
        }

        private func status(_ report: CampaignReport, now: Int64) -> String {
            report.isActive ? report.window.status(at: now).rawValue : "removed"
        }

        private func json(_ reports: [CampaignReport], now: Int64) -> JSON {
            func moment(_ seconds: Int64?) -> JSON { seconds.map { .string(time($0)) } ?? .null }
            return .array(
                reports.map { report in
                    .object([
                        ("handle", .string(report.handle)), ("title", .string(report.title)), ("starts", moment(report.window.starts)),
                        ("ends", moment(report.window.ends)), ("status", .string(status(report, now: now))),
                        ("orders", .number(String(report.orders))), ("revenue_minor", .number(String(report.revenue.minorUnits))),
                        ("discount_minor", .number(String(report.discountGiven.minorUnits))),
                        ("currency", .string(report.revenue.currency.code)),
                    ])
                })
        }
    }
}

import ArgumentParser
import Foundation
import ShelfConfig
import ShelfCore
import ShelfStore

extension Shelf {
    struct AnalyticsCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "analytics",
            abstract: "Roll up the store's analytics and print its report.",
            discussion: """
                Page views come from the beacon (/fn/beacon), the other events from the functions.
                A rollup counts them per day and deletes raw events older than [analytics] keep_days.

                Examples:
                  shelf analytics rollup
                  shelf analytics report --from 2026-11-01 --to 2026-11-30 --format csv
                """,
            subcommands: [Rollup.self, Report.self])
    }
}

extension Shelf.AnalyticsCommand {
    struct Rollup: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "rollup",
            abstract: "Count new events into the daily tables and delete raw events past the retention.",
            discussion: "Run it daily (a timer or cron). Example:\n  shelf analytics rollup")

        @OptionGroup var options: StoreOption

        func run() throws {
            let config = try loadConfig(options)
            let rollup = try failing {
                try openStore(options).rollUpAnalytics(now: Int64(Date().timeIntervalSince1970), keepDays: config.analytics.keepDays)
            }
            print(
                "Rolled up \(rollup.days.count) day\(rollup.days.count == 1 ? "" : "s"); deleted \(rollup.deleted) raw event\(rollup.deleted == 1 ? "" : "s") older than \(config.analytics.keepDays) days."
            )
        }
    }

    struct Report: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "report",
            abstract:
                "Print visitors, pages, products, referrers, the funnel, sales per campaign and discount code, refunds, searches with no results and low stock.",
            discussion: """
                Days are UTC. Without --from and --to, the last 30 days up to today. The report writes
                nothing: days no rollup has counted yet (today) are counted from the raw events.

                Example:
                  shelf analytics report --from 2026-11-01 --to 2026-11-30 --format json
                """)

        enum Format: String, ExpressibleByArgument, CaseIterable {
            case text, csv, json
        }

        @OptionGroup var options: StoreOption
        @Option(help: ArgumentHelp("The first day, YYYY-MM-DD.", valueName: "DAY")) var from: String?
        @Option(help: ArgumentHelp("The last day, YYYY-MM-DD.", valueName: "DAY")) var to: String?
        @Option(help: "text, csv or json.") var format: Format = .text

        func validate() throws {
            for (name, value) in [("--from", from), ("--to", to)] {
                if let value, CalendarDay.number(of: value) == nil {
                    throw ValidationError("\(name) \"\(value)\" is not a day; write it as YYYY-MM-DD, like 2026-11-30")
                }
            }
            if let from, let to, let first = CalendarDay.number(of: from), let last = CalendarDay.number(of: to), first > last {
                throw ValidationError("--from \(from) is after --to \(to); swap them")
            }
            if let from, let to, let first = CalendarDay.number(of: from), let last = CalendarDay.number(of: to), last - first > 3660 {
                throw ValidationError("the range is longer than ten years; choose a shorter one")
            }
        }

        func run() throws {
            let config = try loadConfig(options)
            let now = Int64(Date().timeIntervalSince1970)
            let last = to.flatMap(CalendarDay.number(of:)) ?? now / 86_400
            let first = from.flatMap(CalendarDay.number(of:)) ?? last - 29
            let report = try failing {
                try openStore(options).analyticsReport(from: first, to: last, lowStock: config.catalogue.lowStock)
            }
            let prices = PriceFormatter(locale: config.locale, currency: config.currency)
            let tables = report.tables {
                format == .text
                    ? prices.string(Money(minorUnits: $0, currency: config.currency))
                    : Money(minorUnits: $0, currency: config.currency).decimalString
            }
            print(ReportOutput(tables: tables, format: format).text, terminator: "")
        }
    }
}

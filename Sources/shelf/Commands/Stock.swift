import ArgumentParser
import Foundation
import ShelfSite
import ShelfStore

extension Shelf {
    struct StockCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "stock",
            abstract: "Set, adjust, list and import the stock of each SKU.",
            discussion: """
                Stock lives in the database, never in content files. Run shelf build afterwards to
                republish the pages whose availability changed (`shelf build --changed-only`
                when no content file changed either: it then looks at none of them).

                Examples:
                  shelf stock set TEE-BLK-M 12
                  shelf stock adjust TEE-BLK-M -2
                  shelf stock list --low 3
                  shelf stock import stock.csv
                """,
            subcommands: [SetLevel.self, Adjust.self, List.self, Import.self])
    }
}

/// Opens the store's database (SQLite or PostgreSQL, see ``StoreFolder/databaseLocation(environment:config:)``),
/// migrated, or exits with a message naming it.
func openStore(_ options: StoreOption) throws -> Store {
    let folder = options.folder
    let location = try failing { try folder.databaseLocation() }
    return try failing(folder.databaseName(location)) {
        let store = try Store.open(location)
        try store.migrate()
        return store
    }
}

/// `text` followed by spaces up to `width` characters.
func pad(_ text: String, _ width: Int) -> String {
    text.padding(toLength: width, withPad: " ", startingAt: 0)
}

extension Shelf.StockCommand {
    struct SetLevel: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "set", abstract: "Set the stock on hand of a SKU.",
            discussion: "Example:\n  shelf stock set TEE-BLK-M 12")

        @OptionGroup var options: StoreOption
        @Argument(help: "The SKU.") var sku: String
        // Collects "-1" too, which would otherwise be read as an unknown option and reported as a
        // missing argument, so that a negative quantity is refused for what it is.
        @Argument(parsing: .allUnrecognized, help: ArgumentHelp("The quantity on hand, zero or more.", valueName: "N"))
        var quantities: [String] = []

        func validate() throws {
            _ = try onHand()
        }

        func run() throws {
            let quantity = try onHand()
            let store = try openStore(options)
            try failing { try store.setStock(sku, to: quantity) }
            print("\(sku): \(quantity) on hand")
            try announceBackInStock(store)
        }

        /// The one quantity given, a whole number of zero or more.
        private func onHand() throws -> Int {
            guard quantities.count == 1, let quantity = Int(quantities[0]) else {
                throw ValidationError("give the quantity on hand as one whole number, such as 12")
            }
            guard quantity >= 0 else {
                throw ValidationError(
                    "stock cannot be negative (\(quantity)); set what is on the shelf, zero or more, or take units away with shelf stock adjust \(sku) \(quantity)"
                )
            }
            return quantity
        }
    }

    struct Adjust: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "adjust",
            abstract: "Add to or take from the stock of a SKU.",
            discussion: "Examples:\n  shelf stock adjust TEE-BLK-M +5\n  shelf stock adjust TEE-BLK-M -2")

        @OptionGroup var options: StoreOption
        @Argument(help: "The SKU.") var sku: String
        // Collects "-2" too, which would otherwise be read as an option.
        @Argument(parsing: .allUnrecognized, help: ArgumentHelp("The change, such as +5 or -2.", valueName: "+/-N"))
        var changes: [String] = []

        func validate() throws {
            guard changes.count == 1 else { throw ValidationError("give exactly one change, such as +5 or -2") }
        }

        func run() throws {
            let delta = changes[0]
            guard let change = Int(delta.hasPrefix("+") ? String(delta.dropFirst()) : delta) else {
                throw fail("the change \"\(delta)\" must be a whole number such as +5 or -2")
            }
            let store = try openStore(options)
            let level = try failing { try store.adjustStock(sku, by: change) }
            print("\(sku): \(level) on hand")
            try announceBackInStock(store)
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list",
            abstract: "List the stock of every SKU, or only of those running low.",
            discussion: """
                ON HAND is on the shelf; RESERVED is held by orders awaiting payment, ALLOCATED by \
                paid orders; AVAILABLE is what shoppers can still buy.

                Example:
                  shelf stock list --low 3
                """)

        @OptionGroup var options: StoreOption
        @Option(help: ArgumentHelp("Only SKUs with at most N available.", valueName: "N")) var low: Int?

        func run() throws {
            let store = try openStore(options)
            let rows = try failing { try store.stockList(atOrBelow: low) }
            let width = max(3, rows.map(\.sku.count).max() ?? 0)
            let counts = ["ON HAND", "RESERVED", "ALLOCATED", "AVAILABLE"]
            print(([pad("SKU", width)] + counts + ["PRODUCT"]).joined(separator: "  "))
            for row in rows {
                let note = row.isPublished && row.isActive ? "" : "  (unpublished)"
                let values = zip(counts, [row.onHand, row.reserved, row.allocated, row.available]).map { header, count in
                    String(repeating: " ", count: max(0, header.count - String(count).count)) + String(count)
                }
                print(([pad(row.sku, width)] + values + [row.productHandle]).joined(separator: "  ") + note)
            }
        }
    }

    struct Import: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "import",
            abstract: "Set the stock of many SKUs from a CSV file with the columns sku,quantity.",
            discussion: """
                All or nothing: an unknown SKU or a bad line changes nothing and names the line.

                Example:
                  shelf stock import stock.csv
                """)

        @OptionGroup var options: StoreOption
        @Argument(help: ArgumentHelp("The CSV file.", valueName: "FILE")) var file: String

        func run() throws {
            guard let data = FileManager.default.contents(atPath: file), let text = String(data: data, encoding: .utf8) else {
                throw fail("\(file): cannot be read as UTF-8 text")
            }
            let store = try openStore(options)
            let (lines, changed) = try failing {
                let lines = try StockCSV.parse(text, file: file)
                return (lines, try store.importStock(lines))
            }
            print("Imported the stock of \(lines.count) SKUs from \(file); \(changed) changed")
            try announceBackInStock(store)
        }
    }
}

/// Queues the back-in-stock emails of the SKUs a stock change made available again, and says
/// how many; `shelf mail deliver` (or `shelf serve`) sends them.
func announceBackInStock(_ store: Store) throws {
    let queued = try store.queueBackInStockEmails(now: currentTime)
    if queued > 0 { print("Queued \(queued) back-in-stock email\(queued == 1 ? "" : "s")") }
}

import ArgumentParser
import Foundation
import ShelfConfig
import ShelfSite
import ShelfStore

extension Shelf.DatabaseCommand {
    struct Copy: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "copy",
            abstract: "Copy the store's SQLite database into PostgreSQL, check the copy, and say how to switch over.",
            discussion: """
                Copies every table of data/shelf.sqlite (catalogue, stock, carts, sessions, orders,
                payments, shipments, accounts, mail, the migrations' record) into the PostgreSQL
                database, whose tables it creates first. The store may keep serving meanwhile: the
                copy reads one snapshot, and PostgreSQL gets all of it or nothing. Then each
                table's rows and sums are compared on both sides.

                The url carries no password: it comes from database_password in the secrets file,
                or from the file PGPASSFILE names (~/.pgpass). A database that already holds data
                is refused unless --replace says to delete it first.

                Example:
                  shelf db copy --to postgresql://shelf@db.internal/shop
                  shelf db copy --to "postgresql://shelf@/shop?host=/run/postgresql" --replace
                """)

        @OptionGroup var options: StoreOption
        @Option(help: ArgumentHelp("The PostgreSQL database to copy into, without a password.", valueName: "URL"))
        var to: String
        @Flag(help: "Delete what the PostgreSQL database holds before copying (to copy again, or a last time).")
        var replace = false

        func run() throws {
            let folder = options.folder
            let config = try failing { try StoreConfig.load(from: folder.root) }
            let source = try failing { try folder.databaseLocation(config: config) }
            guard case .sqlite(let path) = source else {
                throw fail(
                    "the store already uses PostgreSQL (SHELF_DATABASE_URL or [database] url in shelf.toml); "
                        + "shelf db copy reads data/shelf.sqlite, so remove the setting while copying")
            }
            guard FileManager.default.fileExists(atPath: path) else {
                throw fail("\(folder.relative(path)) does not exist: there is nothing to copy; run shelf db copy in the store folder")
            }
            let target = try failing { try config.databaseLocation(url: to, named: "--to", root: folder.root) }
            let name = folder.databaseName(target)
            let copy: DatabaseCopy
            do {
                let store = try failing(folder.relative(path)) { try Store.open(source) }
                let postgres = try failing(name) { try Store.open(target) }
                copy = try store.copy(to: postgres, replacingData: replace)
            } catch CopyError.mismatch(let copy) {
                tally(copy).forEach { print($0) }
                throw fail("\(name): \(CopyError.mismatch(copy))")
            } catch let error as ExitCode {
                throw error
            } catch {
                throw fail("\(name): \(error)")
            }
            if !copy.migrated.isEmpty { print("Created the tables in \(name) (migrations \(copy.migrated.joined(separator: ", "))).") }
            print("Copied \(copy.tables.count) tables from \(folder.relative(path)) into \(name); both sides agree:")
            tally(copy).forEach { print($0) }
            print(switchOver(from: folder.relative(path)))
        }

        /// One line per table: its rows, integer sums and characters on both sides.
        private func tally(_ copy: DatabaseCopy) -> [String] {
            columns(
                [["TABLE", "ROWS", "SUMS", "CHARACTERS", "CHECK"]]
                    + copy.tables.map { table in
                        [
                            table.name, side(table.source.rows, table.target.rows), side(table.source.sumOfSums, table.target.sumOfSums),
                            side(table.source.characters, table.target.characters),
                            table.matches ? "same" : "DIFFERS " + table.differingColumns.joined(separator: ", "),
                        ]
                    })
        }

        private func side(_ source: Int64, _ target: Int64) -> String {
            source == target ? String(source) : "\(source) ≠ \(target)"
        }

        private func switchOver(from sqlite: String) -> String {
            """

            To switch over:
              1. Stop the writes: stop the functions' web server (or its FastCGI processes), or answer
                 the function addresses with a maintenance page, so nothing more lands in \(sqlite).
              2. Copy what changed since this copy:
                   shelf db copy --to '\(to)' --replace
              3. Point the store at PostgreSQL: [database] url = "\(to)" in shelf.toml, or
                 SHELF_DATABASE_URL in the functions' environment; database_password in the secrets file.
              4. Restart the FastCGI processes (or the web server that starts them), so they open PostgreSQL.
              5. Keep \(sqlite) as it is: it is the way back until PostgreSQL has served a while.
            """
        }
    }
}

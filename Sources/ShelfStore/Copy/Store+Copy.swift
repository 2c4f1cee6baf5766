extension Store {
    /// Rows a copy sends in one INSERT, at most: PostgreSQL takes up to 65,535 bound values.
    static let copyBatchRows = 500

    /// Copies every table of this store (an SQLite database, which may keep serving) into
    /// `target` (a PostgreSQL database) and checks the copy, table by table. The analytics
    /// tables come from the analytics file where the store keeps them apart (see
    /// ``AnalyticsConnection``), into the target's own database, where PostgreSQL keeps them.
    ///
    /// Both schemas are brought up to date first, and the tables are those the schema has, not
    /// a list. This store is read from one snapshot, so rows written meanwhile are either all
    /// copied or not at all; the target is written in one transaction, ids as they are, with
    /// values bound in batches, and each generated key continues past the highest id this store
    /// handed out. Before committing, each table's rows, integer sums and characters are
    /// compared on both sides: any difference rolls the copy back (``CopyError/mismatch(_:)``).
    ///
    /// A target that holds rows of its own, beyond those the migrations put there, is refused
    /// (``CopyError/targetHoldsData(_:)``) unless `replacingData`, which deletes them first.
    ///
    /// ```swift
    /// let copy = try Store.open(at: "data/shelf.sqlite").copy(to: try Store.open(.postgresql(url: url, password: nil)))
    /// ```
    public func copy(to target: Store, replacingData: Bool = false) throws -> DatabaseCopy {
        guard let rowKey = database.dialect.rowKey else { throw CopyError.sourceNotCopyable(engine: database.dialect.name) }
        try migrate()
        let migrated = try target.migrate()
        let seeded = try Self.rowsMigrationsAdd()
        let analytics = try analyticsConnection.path.map { _ in try analyticsDatabase() }
        return try database.snapshot {
            try readingAnalytics(analytics) {
                let own = try TableLayout.all(in: database).map { (table: $0, from: database) }
                let apart = try analytics.map { events in
                    try TableLayout.all(in: events).filter { $0.name.hasPrefix("analytics_") }.map { (table: $0, from: events) }
                }
                let sources = own + (apart ?? [])
                let tables = sources.map(\.table)
                let marks = try generatedKeyMarks(in: database).merging(try analytics.map(generatedKeyMarks(in:)) ?? [:]) { own, _ in own }
                let sourceTallies = try sources.map { try TableTally.of($0.table, in: $0.from) }
                return try target.database.transaction {
                    try target.checkLayout(of: tables)
                    let held = try tables.compactMap { table -> (table: String, rows: Int64)? in
                        let rows = try TableTally.rows(of: table, in: target.database)
                        return rows > seeded[table.name, default: 0] ? (table.name, rows) : nil
                    }
                    if !held.isEmpty && !replacingData { throw CopyError.targetHoldsData(held) }
                    for table in tables.reversed() {
                        try target.database.execute("DELETE FROM \(table.quotedName)")
                    }
                    for (table, source) in sources {
                        try copyRows(of: table, from: source, by: rowKey, to: target)
                        for statement in target.database.dialect.continueGeneratedKeyPast(table.quotedName) where marks[table.name] != nil {
                            try target.database.execute(statement, [.integer(marks[table.name])])
                        }
                    }
                    let copied = try zip(tables, sourceTallies).map { table, tally in
                        DatabaseCopy.Table(name: table.name, source: tally, target: try TableTally.of(table, in: target.database))
                    }
                    let copy = DatabaseCopy(tables: copied, migrated: migrated)
                    guard copy.matches else { throw CopyError.mismatch(copy) }
                    return copy
                }
            }
        }
    }

    /// Runs `body` in a snapshot of `analytics`, when the analytics have a database apart.
    private func readingAnalytics<T>(_ analytics: (any Database)?, _ body: () throws -> T) throws -> T {
        guard let analytics else { return try body() }
        return try analytics.snapshot(body)
    }

    /// Reads `table` of `source` in batches ordered by `rowKey` and inserts each batch into `target` with
    /// its values bound.
    private func copyRows(of table: TableLayout, from source: any Database, by rowKey: String, to target: Store) throws {
        let names = table.columns.map { TableLayout.quote($0.name) }
        let batch = max(1, min(Self.copyBatchRows, 60_000 / max(1, names.count)))
        let select = """
            SELECT \(rowKey) AS shelf_row_key, \(names.joined(separator: ", ")) FROM \(table.quotedName)
            WHERE \(rowKey) > ? ORDER BY \(rowKey) LIMIT ?
            """
        var after: Int64 = .min
        while true {
            let rows = try source.query(select, [.integer(after), .int(batch)])
            guard let last = rows.last else { return }
            after = try last.int64("shelf_row_key")
            let tuple = "(" + Array(repeating: "?", count: names.count).joined(separator: ", ") + ")"
            let insert = """
                INSERT INTO \(table.quotedName) (\(names.joined(separator: ", "))) \(target.database.dialect.keepingGeneratedKeys)
                VALUES \(Array(repeating: tuple, count: rows.count).joined(separator: ", "))
                """
            try target.database.execute(insert, rows.flatMap { $0.values.dropFirst() })
            if rows.count < batch { return }
        }
    }

    /// The highest id each generated key of `database` handed out, by table, where the engine
    /// records it.
    private func generatedKeyMarks(in database: any Database) throws -> [String: Int64] {
        guard let query = database.dialect.generatedKeyMarks else { return [:] }
        var marks: [String: Int64] = [:]
        for row in try database.query(query) {
            marks[try row.text("name")] = try row.int64("seq")
        }
        return marks
    }

    /// Throws ``CopyError/schemasDiffer(table:missing:)`` unless this database has every one
    /// of `tables` with at least its columns.
    private func checkLayout(of tables: [TableLayout]) throws {
        let own = Dictionary(uniqueKeysWithValues: try TableLayout.all(in: database).map { ($0.name, Set($0.columns.map(\.name))) })
        for table in tables {
            guard let columns = own[table.name] else { throw CopyError.schemasDiffer(table: table.name, missing: []) }
            let missing = table.columns.map(\.name).filter { !columns.contains($0) }
            if !missing.isEmpty { throw CopyError.schemasDiffer(table: table.name, missing: missing) }
        }
    }

    /// The rows a newly migrated database holds in each table (statuses, the stock clock, the
    /// migrations' names): what a target may hold and still count as empty.
    private static func rowsMigrationsAdd() throws -> [String: Int64] {
        let fresh = try Store.openInMemory()
        try fresh.migrate()
        var rows: [String: Int64] = [:]
        for table in try TableLayout.all(in: fresh.database) {
            rows[table.name] = try TableTally.rows(of: table, in: fresh.database)
        }
        return rows
    }
}

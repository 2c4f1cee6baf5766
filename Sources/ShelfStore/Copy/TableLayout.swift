/// One table of a database as its schema describes it: its name and columns, read from the
/// engine's catalogue rather than listed by hand, so a copy covers every table the migrations make.
struct TableLayout: Equatable {
    /// One column: its name, and whether it holds integers (ids, money, quantities, times).
    struct Column: Equatable {
        let name: String
        let isInteger: Bool
    }

    let name: String
    let columns: [Column]

    /// Every table of `database`, each after the tables its foreign keys refer to, so rows can
    /// be inserted in this order and deleted in the reverse one.
    static func all(in database: any Database) throws -> [TableLayout] {
        let names = try database.query(database.dialect.tables).map { try $0.text("name") }
        var parents: [String: Set<String>] = [:]
        for name in names {
            let rows = try database.query(database.dialect.parentTables, [.text(name)])
            parents[name] = Set(try rows.map { try $0.text("parent") }).subtracting([name])
        }
        var ordered: [String] = []
        var placed: Set<String> = []
        // Each pass places the tables whose parents are placed; a cycle (none in the store's
        // schema) is placed as it is, and the copy's foreign keys then say what is wrong.
        while placed.count < names.count {
            let ready = names.filter { !placed.contains($0) && parents[$0, default: []].isSubset(of: placed) }
            let next = ready.isEmpty ? names.filter { !placed.contains($0) } : ready
            ordered += next
            placed.formUnion(next)
        }
        return try ordered.map { name in
            let columns = try database.query(database.dialect.columns, [.text(name)]).map { row in
                Column(name: try row.text("name"), isInteger: try row.text("type").uppercased().contains("INT"))
            }
            return TableLayout(name: name, columns: columns)
        }
    }

    /// The table's name, quoted as an identifier for a statement.
    var quotedName: String { Self.quote(name) }

    /// `identifier` in double quotes, a quote inside doubled: the names come from the schema,
    /// never from a request, and are quoted all the same.
    static func quote(_ identifier: String) -> String {
        "\"" + identifier.split(separator: "\"", omittingEmptySubsequences: false).joined(separator: "\"\"") + "\""
    }
}

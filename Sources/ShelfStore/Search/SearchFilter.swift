/// The SQL of one search query: the matched products, the tables a result row joins, and the
/// conditions of every facet choice, each kept apart so a facet can count its values under
/// all the other choices but its own.
///
/// Every value travels as an argument; the SQL text is made only of fixed fragments and as
/// many `?` as there are values.
struct SearchFilter {
    /// A part of a query that a facet may leave out.
    enum Part: Hashable {
        case categories, brands, price, inStock
        case option(String)
    }

    /// `SELECT handle, rank` of the products the words match (all products without words).
    var matched: (sql: String, arguments: [SQLValue])
    /// Conditions by the part they belong to; the option conditions name the option by its
    /// stored name, with the slug the query used.
    var conditions: [(part: Part, sql: String, arguments: [SQLValue])] = []

    init(_ query: SearchQuery, matched: (sql: String, arguments: [SQLValue]), optionNames: [String: String]) {
        self.matched = matched
        if !query.categories.isEmpty {
            let values = query.categories.sorted()
            add(
                .categories,
                "EXISTS (SELECT 1 FROM product_categories pc WHERE pc.product_handle = d.handle AND pc.category_handle IN (\(Self.marks(values.count))))",
                values.map { .text($0) })
        }
        if !query.brands.isEmpty {
            let values = query.brands.sorted()
            add(
                .brands, "(d.brand IN (\(Self.marks(values.count))) OR LOWER(d.brand) IN (\(Self.marks(values.count))))",
                Self.anyCase(values))
        }
        for (slug, chosen) in query.options.sorted(by: { $0.key < $1.key }) where !chosen.isEmpty {
            let values = chosen.sorted()
            // An option the catalogue does not have matches nothing, like an unknown value.
            let name = optionNames[slug] ?? ""
            add(
                .option(slug),
                """
                EXISTS (SELECT 1 FROM variant_options o WHERE o.sku = v.sku AND o.name = ?
                    AND (o.value IN (\(Self.marks(values.count))) OR LOWER(o.value) IN (\(Self.marks(values.count)))))
                """,
                [.text(name)] + Self.anyCase(values))
        }
        if let lowest = query.lowestPrice { add(.price, "v.price_minor >= ?", [.integer(lowest)]) }
        if let highest = query.highestPrice { add(.price, "v.price_minor <= ?", [.integer(highest)]) }
        if query.inStockOnly { add(.inStock, "s.on_hand - s.reserved - s.allocated > 0", []) }
    }

    private mutating func add(_ part: Part, _ sql: String, _ arguments: [SQLValue]) {
        conditions.append((part, sql, arguments))
    }

    /// A query over the result rows (one per matching variant, as `m`, `d`, `p`, `v`, `s`):
    /// `select` and `join` come before the conditions, `end` after them (GROUP BY, ORDER BY).
    /// `extra` conditions are added; parts in `leaving` are left out.
    func sql(
        select: String, join: String = "", joinArguments: [SQLValue] = [], extra: [String] = [], leaving: Set<Part> = [], end: String = "",
        endArguments: [SQLValue] = []
    ) -> (sql: String, arguments: [SQLValue]) {
        let kept = conditions.filter { !leaving.contains($0.part) }
        let clauses = ["p.published = 1", "v.active = 1"] + kept.map(\.sql) + extra
        let sql = """
            WITH matched AS MATERIALIZED (\(matched.sql))
            SELECT \(select)
            FROM matched m
            JOIN search_documents d ON d.handle = m.handle
            JOIN products p ON p.handle = d.handle
            JOIN variants v ON v.product_handle = d.handle
            JOIN stock s ON s.sku = v.sku
            \(join)
            WHERE \(clauses.joined(separator: " AND "))
            \(end)
            """
        return (sql, matched.arguments + joinArguments + kept.flatMap(\.arguments) + endArguments)
    }

    /// The values as given, then in ASCII lower case, for `(x IN (…) OR LOWER(x) IN (…))`:
    /// `colour=navy` typed into a URL finds `Navy`, and both engines lower ASCII alike.
    private static func anyCase(_ values: [String]) -> [SQLValue] {
        values.map { .text($0) }
            + values.map { value in
                .text(String(value.unicodeScalars.map { $0.isASCII ? Character($0.properties.lowercaseMapping) : Character($0) }))
            }
    }

    /// `?, ?, ?`: one placeholder per value.
    static func marks(_ count: Int) -> String {
        Array(repeating: "?", count: count).joined(separator: ", ")
    }
}

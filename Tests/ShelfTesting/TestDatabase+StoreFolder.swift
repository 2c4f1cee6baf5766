import Foundation

extension TestDatabase {
    /// The `shelf.toml` table that points the store folder at `root` at a schema of its own in
    /// the test cluster, made here: empty on SQLite, where the folder keeps `data/shelf.sqlite`.
    ///
    /// A store folder that `shelf build` or the functions open by their settings appends it to
    /// its `shelf.toml`, after every other table, and calls ``dropStore(in:)`` when done:
    ///
    /// ```swift
    /// try write("shelf.toml", try read("shelf.toml") + TestDatabase.settings(forStoreIn: root))
    /// ```
    public static func settings(forStoreIn root: String) throws -> String {
        guard let cluster = postgresURL else { return "" }
        let schema = schema(ofFolder: root)
        try administer("CREATE SCHEMA IF NOT EXISTS \(schema)", in: cluster)
        return "\n[database]\nurl = \"\(url(ofSchema: schema, in: cluster))\"\n"
    }

    /// Drops the schema ``settings(forStoreIn:)`` made for the store folder at `root`, if any.
    public static func dropStore(in root: String) {
        guard let cluster = postgresURL else { return }
        try? administer("DROP SCHEMA IF EXISTS \(schema(ofFolder: root)) CASCADE", in: cluster)
    }

    /// Empties the store folder at `root` on PostgreSQL as a new database would be: its schema
    /// dropped and made again (nothing on SQLite, where deleting the file does it).
    public static func emptyStore(in root: String) throws {
        guard let cluster = postgresURL else { return }
        let schema = schema(ofFolder: root)
        try administer("DROP SCHEMA IF EXISTS \(schema) CASCADE; CREATE SCHEMA \(schema)", in: cluster)
    }

    /// The schema of the store in the folder at `path`: one per folder, since the tests' folders
    /// have unique names.
    static func schema(ofFolder path: String) -> String {
        "test_" + String(path.split(separator: "/").last ?? "").lowercased().filter { $0.isLetter || $0.isNumber }
    }
}

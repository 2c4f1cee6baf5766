/// The few places where SQLite and PostgreSQL need different SQL, kept together.
///
/// Everything else the store runs is written once in SQL both engines accept: `?` placeholders
/// (a PostgreSQL driver numbers them `$1, $2…` as it prepares), `INTEGER`/`BIGINT`/`TEXT`
/// columns, booleans as `INTEGER CHECK (x IN (0, 1))`, `INSERT … ON CONFLICT (…) DO UPDATE`,
/// `UPDATE … RETURNING` and `IS DISTINCT FROM`.
struct Dialect: Sendable {
    /// The engine's name, for messages.
    let name: String
    /// Starts a transaction that may write, taking the write lock at once so that two writers
    /// queue at `BEGIN` instead of failing when a reader tries to become a writer.
    let beginWriteTransaction: String
    /// Statements every new connection runs before anything else.
    let connectionSetup: [String]
    /// The column type of an `id` the database numbers itself and never hands out twice, even
    /// after the row with the highest id is deleted. PostgreSQL's is
    /// `BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY`.
    let generatedKey: String

    /// SQLite: WAL so readers never block the writer, foreign keys enforced (off by default),
    /// and `synchronous = NORMAL`, durable in WAL mode except for the last commits on power loss.
    /// The busy timeout is set through the C API before these run.
    ///
    /// A checkpoint every 64 pages rather than SQLite's 1000 keeps the WAL short, which is what
    /// a CGI function pays for: a process that finds no other connection open rebuilds the WAL
    /// index by reading every frame since the last checkpoint, up to 4 MB at the default.
    static let sqlite = Dialect(
        name: "SQLite",
        beginWriteTransaction: "BEGIN IMMEDIATE",
        connectionSetup: [
            "PRAGMA journal_mode = WAL",
            "PRAGMA foreign_keys = ON",
            "PRAGMA synchronous = NORMAL",
            "PRAGMA wal_autocheckpoint = 64",
        ],
        // Without AUTOINCREMENT SQLite would reuse the id of a deleted last row.
        generatedKey: "INTEGER PRIMARY KEY AUTOINCREMENT"
    )
}

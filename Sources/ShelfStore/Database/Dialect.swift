/// The few places where SQLite and PostgreSQL need different SQL, kept together.
///
/// Everything else the store runs is written once in SQL both engines accept: `?` placeholders
/// (the PostgreSQL driver numbers them `$1, $2…` as it prepares), `INTEGER`/`BIGINT`/`TEXT`
/// columns, booleans as `INTEGER CHECK (x IN (0, 1))`, `INSERT … ON CONFLICT (…) DO UPDATE`,
/// `UPDATE … RETURNING` and `IS DISTINCT FROM`.
struct Dialect: Sendable {
    /// The engine's name, for messages.
    let name: String
    /// Starts a transaction that may write. SQLite takes the write lock at once, so that two
    /// writers queue at `BEGIN` instead of failing when a reader tries to become a writer;
    /// PostgreSQL locks rows as statements reach them.
    let beginWriteTransaction: String
    /// Statements every new connection runs before anything else.
    let connectionSetup: [String]
    /// The column type of an `id` the database numbers itself and never hands out twice, even
    /// after the row with the highest id is deleted.
    let generatedKey: String
    /// Written after `INSERT INTO table (id, …)` when a migration copies rows with their ids
    /// into a rebuilt table: PostgreSQL refuses an id for a `GENERATED ALWAYS` column otherwise.
    let keepingGeneratedKeys: String
    /// Statements that make the rebuilt table's generated key continue after the ids copied into
    /// it; SQLite's `AUTOINCREMENT` follows the largest id inserted on its own.
    let continueGeneratedKey: @Sendable (_ table: String) -> [String]
    /// Ends a `SELECT` that reads a row the transaction then writes on what it read: PostgreSQL
    /// locks the row until the transaction ends (`FOR UPDATE`), so a concurrent transaction
    /// waits and then reads the new row; SQLite's write transaction has the database to itself.
    let forUpdate: String
    /// Run first in each migration's transaction, so that processes migrating at once take
    /// turns; SQLite's `BEGIN IMMEDIATE` already makes them.
    let schemaLock: [String]
    /// Takes the mail deliverer's turn without waiting, answering one row whose `taken` is 1 or
    /// 0, and gives it back; nil where deliverers take no turns (SQLite: one machine, and the
    /// outbox's claims keep two deliverers off the same message).
    let delivererTurn: (take: String, give: String)?

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
        generatedKey: "INTEGER PRIMARY KEY AUTOINCREMENT",
        keepingGeneratedKeys: "",
        continueGeneratedKey: { _ in [] },
        forUpdate: "",
        schemaLock: [],
        delivererTurn: nil
    )

    /// PostgreSQL at its default READ COMMITTED: correctness comes from the statements
    /// themselves (conditional updates, `SELECT … FOR UPDATE`, `ON CONFLICT`), and the driver
    /// runs a transaction again after a serialization failure or a deadlock.
    ///
    /// Times are stored as Unix seconds, so the session's time zone never matters; notices
    /// ("relation already exists, skipping") are not sent at all.
    static let postgresql = Dialect(
        name: "PostgreSQL",
        beginWriteTransaction: "BEGIN",
        connectionSetup: ["SET client_min_messages = warning"],
        generatedKey: "BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY",
        keepingGeneratedKeys: "OVERRIDING SYSTEM VALUE",
        continueGeneratedKey: { table in
            [
                """
                SELECT setval(pg_get_serial_sequence('\(table)', 'id'), COALESCE(MAX(id), 0) + 1, false) FROM \(table)
                """
            ]
        },
        forUpdate: " FOR UPDATE",
        // Any fixed number names the lock; this one spells "shelf".
        schemaLock: ["SELECT pg_advisory_xact_lock(7368801612)"],
        // A lock of the session, not of a transaction: a pass delivers in many transactions.
        // Keyed by the schema too, so that stores sharing a database (the tests' schemas) do
        // not take turns with each other.
        delivererTurn: (
            take: "SELECT CASE WHEN pg_try_advisory_lock(736880, hashtext(current_schema())) THEN 1 ELSE 0 END AS taken",
            give: "SELECT pg_advisory_unlock(736880, hashtext(current_schema()))"
        )
    )
}

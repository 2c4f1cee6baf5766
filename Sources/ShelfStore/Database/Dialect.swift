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
    /// Run first in a catalogue sync's transaction, so that two `shelf build`s on two hosts at
    /// once sync one after the other, the second seeing what the first wrote.
    let catalogueLock: [String]
    /// Starts a read-only transaction that sees one snapshot of the database.
    let beginReadTransaction: String
    /// Lists the store's tables, one row each with its `name`.
    let tables: String
    /// Lists the columns of the table bound to `?`, in order, each row a `name` and a `type`.
    let columns: String
    /// Lists the tables the table bound to `?` refers to by foreign key, each row a `parent`.
    let parentTables: String
    /// A column every row has and no two rows share, increasing as rows are added, by which a
    /// table is read in batches; nil when the engine has none (PostgreSQL: not a copy's source).
    let rowKey: String?
    /// The highest key each table's generated key has handed out, even to a row since deleted:
    /// one row per table, its `name` and `seq`; nil when the engine keeps no such record.
    let generatedKeyMarks: String?
    /// Statements that make a table's generated key continue past the largest of its ids and
    /// the mark bound to their one `?`, after rows were copied in with their ids.
    let continueGeneratedKeyPast: @Sendable (_ table: String) -> [String]
    /// Statements that rename a constraint of a table, and the index behind it when it has one;
    /// none on SQLite, where the store's constraints have no names of their own.
    let renameConstraint: @Sendable (_ table: String, _ from: String, _ to: String) -> [String]
    /// Statements that rename the sequence behind a generated key; none on SQLite, which keeps
    /// its keys' counters by table (`sqlite_sequence`).
    let renameSequence: @Sendable (_ from: String, _ to: String) -> [String]

    /// SQLite: WAL so readers never block the writer, foreign keys enforced (off by default),
    /// and `synchronous = NORMAL`, durable in WAL mode except for the last commits on power loss.
    /// The busy timeout is set through the C API before these run.
    ///
    /// A checkpoint every 64 pages rather than SQLite's 1000 keeps the WAL short, which is what
    /// a CGI function pays for: a process that finds no other connection open rebuilds the WAL
    /// index by reading every frame since the log last started over, which a writer does after
    /// a checkpoint. A CGI process also closes a file whose log has reached 64 frames before it
    /// exits (`SQLiteDatabase.closeIfLogIsLong()`), so the last one deletes the log. A
    /// connection that has committed many writes (a FastCGI responder) goes back to the default
    /// (`SQLiteDatabase.longLivedCommits`): while it is open no process rebuilds the index.
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
        delivererTurn: nil,
        catalogueLock: [],
        beginReadTransaction: "BEGIN DEFERRED",
        tables: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite!_%' ESCAPE '!' ORDER BY name",
        columns: "SELECT name, type FROM pragma_table_info(?) ORDER BY cid",
        parentTables: "SELECT DISTINCT \"table\" AS parent FROM pragma_foreign_key_list(?)",
        rowKey: "rowid",
        generatedKeyMarks: "SELECT name, seq FROM sqlite_sequence",
        // A copy into SQLite inserts ids, which AUTOINCREMENT follows on its own.
        continueGeneratedKeyPast: { _ in [] },
        renameConstraint: { _, _, _ in [] },
        renameSequence: { _, _ in [] }
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
        ),
        // The schema's number plus one: its own lock, so a sync never waits for a migration.
        catalogueLock: ["SELECT pg_advisory_xact_lock(7368801613)"],
        beginReadTransaction: "BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY",
        tables: """
            SELECT table_name AS name FROM information_schema.tables
            WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY table_name
            """,
        columns: """
            SELECT column_name AS name, data_type AS type FROM information_schema.columns
            WHERE table_schema = current_schema() AND table_name = ? ORDER BY ordinal_position
            """,
        parentTables: """
            SELECT DISTINCT parent.relname AS parent FROM pg_constraint
            JOIN pg_class child ON child.oid = pg_constraint.conrelid
            JOIN pg_class parent ON parent.oid = pg_constraint.confrelid
            JOIN pg_namespace ON pg_namespace.oid = child.relnamespace
            WHERE pg_constraint.contype = 'f' AND pg_namespace.nspname = current_schema() AND child.relname = ?
            """,
        rowKey: nil,
        generatedKeyMarks: nil,
        continueGeneratedKeyPast: { table in
            [
                """
                SELECT setval(pg_get_serial_sequence('\(table)', 'id'), GREATEST(COALESCE(MAX(id), 0), CAST(? AS BIGINT)) + 1, false)
                FROM \(table)
                """
            ]
        },
        renameConstraint: { table, from, to in ["ALTER TABLE \(table) RENAME CONSTRAINT \(from) TO \(to)"] },
        renameSequence: { from, to in ["ALTER SEQUENCE \(from) RENAME TO \(to)"] }
    )
}

/// A named, ordered change to the schema. Once released, a migration never changes:
/// a new need gets a new migration at the end of ``Migration/all``.
struct Migration: Sendable {
    /// The name recorded in `schema_migrations` once applied.
    let name: String
    /// Portable SQL statements, run in order inside one transaction.
    let statements: [String]

    /// Every migration, in the order they are applied.
    static let all: [Migration] = [.catalogue]
}

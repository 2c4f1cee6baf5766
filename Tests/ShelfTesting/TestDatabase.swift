import CPostgreSQL
import Foundation
import ShelfStore

/// The engine the tests' stores run on: SQLite files by default, or schemas in a PostgreSQL
/// cluster when `SHELF_TEST_DATABASE=postgresql` and `SHELF_TEST_POSTGRES_URL` names the cluster
/// (`make test` starts one with `scripts/test-postgres`).
///
/// Each temporary store on PostgreSQL is a schema of its own, made for it and dropped after, and
/// its connections find their tables through `search_path`.
public enum TestDatabase {
    /// The cluster's URL when the tests run on PostgreSQL, nil on SQLite.
    public static let postgresURL: String? = {
        guard ProcessInfo.processInfo.environment["SHELF_TEST_DATABASE"] == "postgresql" else { return nil }
        guard let clusterURL else {
            fatalError("SHELF_TEST_DATABASE=postgresql needs SHELF_TEST_POSTGRES_URL; scripts/test-postgres start prints one")
        }
        return clusterURL
    }()

    /// The test cluster's URL whenever one is running, whichever engine the stores use: the
    /// PostgreSQL driver's own tests run against it.
    public static let clusterURL: String? = {
        guard let url = ProcessInfo.processInfo.environment["SHELF_TEST_POSTGRES_URL"], !url.isEmpty else { return nil }
        return url
    }()

    /// True when the tests' stores are PostgreSQL schemas.
    public static var isPostgreSQL: Bool { postgresURL != nil }

    /// The location of a schema of the cluster: its name in every connection's `search_path`.
    static func location(ofSchema schema: String, in cluster: String) -> DatabaseLocation {
        .postgresql(url: url(ofSchema: schema, in: cluster), password: nil)
    }

    /// The cluster's URL with the schema as every connection's `search_path`.
    static func url(ofSchema schema: String, in cluster: String) -> String {
        cluster + (cluster.contains("?") ? "&" : "?") + "options=-c%20search_path%3D" + schema
    }

    /// Runs one statement of our own (`CREATE SCHEMA …`) on the cluster, outside any store.
    static func administer(_ sql: String, in cluster: String) throws {
        let connection = PQconnectdb(cluster)
        defer { PQfinish(connection) }
        guard PQstatus(connection) == CONNECTION_OK else {
            throw TestDatabaseError(description: "cannot connect to the test cluster: \(String(cString: PQerrorMessage(connection)))")
        }
        let result = PQexec(connection, "SET client_min_messages = warning; " + sql)
        defer { PQclear(result) }
        guard PQresultStatus(result) == PGRES_COMMAND_OK else {
            throw TestDatabaseError(description: "\(sql): \(String(cString: PQerrorMessage(connection)))")
        }
    }
}

/// Runs `body` with the URL of a new, empty schema of the test cluster, dropped afterwards.
///
/// ```swift
/// try withTemporaryPostgresSchema { url in
///     let store = try Store.open(.postgresql(url: url, password: nil))
/// }
/// ```
@discardableResult
public func withTemporaryPostgresSchema<T>(_ body: (String) throws -> T) throws -> T {
    guard let cluster = TestDatabase.clusterURL else {
        throw TestDatabaseError(description: "no test cluster: set SHELF_TEST_POSTGRES_URL (scripts/test-postgres start)")
    }
    let schema = "test_" + UUID().uuidString.lowercased().filter { $0.isLetter || $0.isNumber }
    try TestDatabase.administer("CREATE SCHEMA \(schema)", in: cluster)
    defer { try? TestDatabase.administer("DROP SCHEMA \(schema) CASCADE", in: cluster) }
    return try body(TestDatabase.url(ofSchema: schema, in: cluster))
}

/// A test cluster that refused a statement of the test support itself.
struct TestDatabaseError: Error, CustomStringConvertible {
    let description: String
}

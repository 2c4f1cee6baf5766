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
        let environment = ProcessInfo.processInfo.environment
        guard environment["SHELF_TEST_DATABASE"] == "postgresql" else { return nil }
        guard let url = environment["SHELF_TEST_POSTGRES_URL"], !url.isEmpty else {
            fatalError("SHELF_TEST_DATABASE=postgresql needs SHELF_TEST_POSTGRES_URL; scripts/test-postgres start prints one")
        }
        return url
    }()

    /// True when the tests' stores are PostgreSQL schemas.
    public static var isPostgreSQL: Bool { postgresURL != nil }

    /// The location of a schema of the cluster: its name in every connection's `search_path`.
    static func location(ofSchema schema: String, in cluster: String) -> DatabaseLocation {
        let separator = cluster.contains("?") ? "&" : "?"
        return .postgresql(url: cluster + separator + "options=-c%20search_path%3D" + schema, password: nil)
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

/// A test cluster that refused a statement of the test support itself.
struct TestDatabaseError: Error, CustomStringConvertible {
    let description: String
}

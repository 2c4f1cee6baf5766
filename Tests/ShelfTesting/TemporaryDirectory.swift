import Foundation
public import ShelfStore

/// A new, empty folder under the system's temporary folder, owned by one test.
///
/// Made and removed by ``withTemporaryDirectory(_:)-(TemporaryDirectory)->T``, so the folder
/// lives exactly as long as the closure that uses it.
public struct TemporaryDirectory: Sendable {
    /// The folder's absolute path.
    public let path: String

    /// The path of `name` inside the folder (the file itself is not created).
    public func file(_ name: String) -> String {
        URL(fileURLWithPath: path).appendingPathComponent(name).path
    }

    fileprivate static func make() throws -> TemporaryDirectory {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("shelf-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return TemporaryDirectory(path: url.path)
    }

    /// Where this folder's store lives: the SQLite file `name` in it (`data/shelf.sqlite` for a
    /// store folder the functions serve), or on PostgreSQL a schema named after the folder (see
    /// ``TestDatabase``).
    public func storeLocation(file name: String = "shelf.db") -> DatabaseLocation {
        guard let cluster = TestDatabase.postgresURL else { return .sqlite(path: file(name)) }
        return TestDatabase.location(ofSchema: schema, in: cluster)
    }

    /// Opens a connection to this folder's store (see ``storeLocation(file:)``), which
    /// ``makeStore(in:)`` made; each call opens another, as another function process would.
    public func openStore(file name: String = "shelf.db") throws -> Store {
        if let cluster = TestDatabase.postgresURL {
            try TestDatabase.administer("CREATE SCHEMA IF NOT EXISTS \(schema)", in: cluster)
        }
        return try Store.open(storeLocation(file: name))
    }

    /// The PostgreSQL schema of this folder's store.
    private var schema: String { TestDatabase.schema(ofFolder: path) }

    fileprivate func remove() {
        try? FileManager.default.removeItem(atPath: path)
        TestDatabase.dropStore(in: path)
    }
}

/// Runs `body` with a new temporary folder and deletes the folder and its contents afterwards.
@discardableResult
public func withTemporaryDirectory<T>(_ body: (TemporaryDirectory) throws -> T) throws -> T {
    let directory = try TemporaryDirectory.make()
    defer { directory.remove() }
    return try body(directory)
}

/// Runs `body` with a new temporary folder and deletes the folder and its contents afterwards.
@discardableResult
public func withTemporaryDirectory<T>(_ body: (TemporaryDirectory) async throws -> T) async throws -> T {
    let directory = try TemporaryDirectory.make()
    defer { directory.remove() }
    return try await body(directory)
}

public import ShelfStore

/// Runs `body` with a migrated store in a new SQLite file, deleted afterwards.
///
/// ```swift
/// try withTemporaryStore { store in
///     try store.syncCatalogue([.sample("tee")], categories: [])
/// }
/// ```
@discardableResult
public func withTemporaryStore<T>(_ body: (Store) throws -> T) throws -> T {
    try withTemporaryDirectory { directory in
        try body(try makeStore(in: directory))
    }
}

/// Runs `body` with a migrated store in a new SQLite file, deleted afterwards.
@discardableResult
public func withTemporaryStore<T>(_ body: (Store) async throws -> T) async throws -> T {
    try await withTemporaryDirectory { directory in
        try await body(try makeStore(in: directory))
    }
}

/// Opens and migrates the store file `shelf.db` in `directory`.
public func makeStore(in directory: TemporaryDirectory) throws -> Store {
    let store = try Store.open(at: directory.file("shelf.db"))
    try store.migrate()
    return store
}

public import ShelfStore

/// Runs `body` with a migrated store in a new SQLite file (or PostgreSQL schema), deleted afterwards.
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

/// Runs `body` with a migrated store in a new SQLite file (or PostgreSQL schema), deleted afterwards.
@discardableResult
public func withTemporaryStore<T>(_ body: (Store) async throws -> T) async throws -> T {
    try await withTemporaryDirectory { directory in
        try await body(try makeStore(in: directory))
    }
}

/// Opens and migrates the store of `directory`: the file `shelf.db` in it, or its schema when
/// the tests run on PostgreSQL (``TestDatabase``).
public func makeStore(in directory: TemporaryDirectory) throws -> Store {
    let store = try directory.openStore()
    try store.migrate()
    return store
}

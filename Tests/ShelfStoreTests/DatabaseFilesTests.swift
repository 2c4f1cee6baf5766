import Glibc
import ShelfTesting
import Testing

@testable import ShelfStore

/// The database holds customers' names and addresses: its folder and files are its owner's alone.
@Suite struct DatabaseFilesTests {
    func mode(_ path: String) -> mode_t? {
        var info = stat()
        return stat(path, &info) == 0 ? info.st_mode & 0o777 : nil
    }

    @Test func aNewDatabaseAndItsWalAndShmFilesArePrivate() throws {
        try withTemporaryDirectory { directory in
            let path = directory.file("data/shelf.sqlite")
            let store = try Store.open(at: path)
            try store.migrate()
            try store.syncCatalogue([.sample("tee", skus: ["TEE-M"])], categories: [])
            // The connection is open, so SQLite keeps its -wal and -shm files beside the database.
            #expect(mode(directory.file("data")) == 0o700)
            #expect(mode(path) == 0o600)
            #expect(mode(path + "-wal") == 0o600)
            #expect(mode(path + "-shm") == 0o600)
        }
    }

    @Test func restrictAccessTightensAnOlderStoresFiles() throws {
        try withTemporaryDirectory { directory in
            let path = directory.file("data/shelf.sqlite")
            let store = try Store.open(at: path)
            try store.migrate()
            chmod(directory.file("data"), 0o755)
            chmod(path, 0o644)
            chmod(path + "-wal", 0o644)
            let changed = DatabaseFiles(path).restrictAccess()
            #expect(changed == [directory.file("data"), path, path + "-wal"])
            #expect(mode(directory.file("data")) == 0o700)
            #expect(mode(path) == 0o600)
            #expect(mode(path + "-wal") == 0o600)
            #expect(DatabaseFiles(path).restrictAccess().isEmpty)
        }
    }
}

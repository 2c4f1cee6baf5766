import Foundation
import ShelfSite
import ShelfStore
import ShelfTesting

/// A private copy of `Tests/Fixtures/store` with the repository's default theme, deleted on deinit.
///
/// Its database is `data/shelf.sqlite`, or on PostgreSQL a schema of the test cluster that its
/// `shelf.toml` names (``TestDatabase/settings(forStoreIn:)``), so builds find it as a merchant's do.
final class FixtureStore {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().path

    let root: String
    var folder: StoreFolder { StoreFolder(root) }

    init() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("shelf-fixture-\(UUID().uuidString)").path
        try FileManager.default.copyItem(atPath: Self.repository + "/Tests/Fixtures/store", toPath: root)
        try FileManager.default.createDirectory(atPath: root + "/themes", withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: Self.repository + "/themes/default", toPath: root + "/themes/default")
        try write("shelf.toml", try read("shelf.toml") + TestDatabase.settings(forStoreIn: root))
    }

    deinit {
        try? FileManager.default.removeItem(atPath: root)
        TestDatabase.dropStore(in: root)
    }

    /// Opens the store's database where its settings say, as `shelf stock` does.
    func openStore() throws -> Store {
        try Store.open(try folder.databaseLocation())
    }

    func write(_ relative: String, _ text: String) throws {
        let url = URL(fileURLWithPath: root + "/" + relative)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    func read(_ relative: String) throws -> String {
        try String(contentsOfFile: root + "/" + relative, encoding: .utf8)
    }

    /// Replaces the first occurrence of `old` in a file.
    func edit(_ relative: String, replacing old: String, with new: String) throws {
        let text = try read(relative)
        guard let range = text.range(of: old) else { throw FixtureError.notFound(old, relative) }
        try write(relative, text.replacingCharacters(in: range, with: new))
    }

    /// Puts a new, empty database in place of the store's: its SQLite file deleted, or its
    /// PostgreSQL schema made again.
    func replaceDatabase() throws {
        try? FileManager.default.removeItem(atPath: folder.databaseFile)
        try TestDatabase.emptyStore(in: root)
    }

    func build(full: Bool = false) throws -> SiteBuilder.Summary {
        try SiteBuilder(folder: folder).build(.init(full: full, quiet: true))
    }

    enum FixtureError: Error { case notFound(String, String) }
}

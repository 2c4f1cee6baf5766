import Foundation
public import ShelfStore

extension TemporaryDirectory {
    /// Readies the folder for a function that renders themed pages: the repository's `themes`
    /// linked in, and at `siteValuesFile` (``ThemePages/siteValuesFile``) the site values a
    /// `shelf build` would have left for the functions, for a shop named "Shop".
    public func linkRepositoryThemes(siteValuesFile: String) throws {
        let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        try FileManager.default.createSymbolicLink(
            atPath: file("themes"), withDestinationPath: repository.appendingPathComponent("themes").path)
        try FileManager.default.createDirectory(atPath: file(".shelf"), withIntermediateDirectories: true)
        let siteValues = #"{"site": {"name": "Shop", "language": "en"}, "nav": {"shop_url": "/shop/", "cart_url": "/fn/cart"}}"#
        try Data(siteValues.utf8).write(to: URL(fileURLWithPath: file(siteValuesFile)))
    }

    /// A store folder as the functions serve it: the store at `data/shelf.sqlite` (or its
    /// PostgreSQL schema) migrated and selling the sample tee with `stock`, and the themes and
    /// site values of ``linkRepositoryThemes(siteValuesFile:)``.
    public func makeFunctionStore(selling stock: [String: Int], siteValuesFile: String) throws -> Store {
        let store = try openStore(file: "data/shelf.sqlite")
        try store.migrate()
        try stockTees(store, stock)
        try linkRepositoryThemes(siteValuesFile: siteValuesFile)
        return store
    }
}

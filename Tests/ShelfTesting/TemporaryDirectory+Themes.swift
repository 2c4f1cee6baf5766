import Foundation

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
}

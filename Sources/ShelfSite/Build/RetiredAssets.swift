import Foundation
import ShelfConfig

/// Fingerprinted assets the last build stopped naming, still in `site/` for one more build: a
/// page a browser loaded before the build names them, and fetches them after it.
///
/// Kept in `.shelf/retired-assets`, one site path a line (`assets/app.3f9c2a1b07.css`); the next
/// build deletes them (and their `.gz` copies) unless it names them again.
enum RetiredAssets {
    /// Fingerprinted files: a new version gets a new name, so an old page names the old one.
    static func isAsset(_ path: String) -> Bool { path.hasPrefix("assets/") }

    static func load(from path: String) -> [String] {
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else { return [] }
        return text.split(separator: "\n").map(String.init)
    }

    static func save(_ paths: [String], to path: String) throws {
        let temporary = path + ".tmp"
        try Data(paths.map { $0 + "\n" }.joined().utf8).write(to: URL(fileURLWithPath: temporary))
        guard rename(temporary, path) == 0 else {
            throw SiteError(path, "cannot be written (\(String(cString: strerror(errno))))")
        }
    }
}

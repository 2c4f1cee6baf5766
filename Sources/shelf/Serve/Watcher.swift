import Foundation
import ShelfSite
import ShelfStore

/// Notices edits to a store's sources by comparing a signature of their sizes and times, and
/// stock changes (`shelf stock set`, an order) by the database's stock version.
///
/// Owned by the one thread that polls: it keeps its database connection open between polls.
final class Watcher {
    let folder: StoreFolder
    private var store: Store?

    init(folder: StoreFolder) {
        self.folder = folder
    }

    /// A value that changes when any watched file is added, removed or edited, or the stock changes.
    func signature() -> String {
        var parts: [String] = []
        for path in [folder.configFile] + [folder.contentFolder, folder.templatesFolder, folder.staticFolder, folder.root + "/themes"] {
            collect(path, into: &parts)
        }
        parts.append("stock \(stockVersion())")
        return parts.joined(separator: "\n")
    }

    /// The store's stock version: one indexed row, cheap enough to read several times a second.
    /// "none" until the database exists; the watcher never creates it.
    private func stockVersion() -> String {
        if store == nil, let location = try? folder.databaseLocation(), folder.hasDatabase(location) {
            store = try? Store.open(location)
        }
        guard let store, let version = try? store.stockVersion() else { return "none" }
        return String(version)
    }

    private func collect(_ path: String, into parts: inout [String]) {
        let manager = FileManager.default
        guard let attributes = try? manager.attributesOfItem(atPath: path) else { return }
        if attributes[.type] as? FileAttributeType == .typeDirectory {
            for name in ((try? manager.contentsOfDirectory(atPath: path)) ?? []).sorted() where !name.hasPrefix(".") {
                collect(path + "/" + name, into: &parts)
            }
        } else {
            let modified = (attributes[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
            parts.append("\(path) \(attributes[.size] ?? 0) \(modified)")
        }
    }
}

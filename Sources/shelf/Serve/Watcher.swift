import Foundation
import ShelfSite

/// Notices edits to a store's sources by comparing a signature of their sizes and times.
struct Watcher {
    let folder: StoreFolder

    /// A value that changes when any watched file is added, removed or edited.
    func signature() -> String {
        var parts: [String] = []
        for path in [folder.configFile] + [folder.contentFolder, folder.templatesFolder, folder.staticFolder, folder.root + "/themes"] {
            collect(path, into: &parts)
        }
        return parts.joined(separator: "\n")
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

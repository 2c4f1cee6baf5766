import Foundation
import ShelfConfig

/// Where everything of a store lives, relative to its root folder.
public struct StoreFolder: Sendable, Hashable {
    /// The store's root, an absolute path without a trailing slash.
    public let root: String

    public init(_ path: String) {
        let absolute = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
        self.root = URL(fileURLWithPath: absolute).standardizedFileURL.path
    }

    public var configFile: String { root + "/" + StoreConfig.fileName }
    public var contentFolder: String { root + "/content" }
    public var staticFolder: String { root + "/static" }
    public var templatesFolder: String { root + "/templates" }
    public var siteFolder: String { root + "/site" }
    public var dataFolder: String { root + "/data" }
    public var databaseFile: String { dataFolder + "/shelf.sqlite" }
    /// Build bookkeeping: the staging folder and the incremental cache.
    public var workFolder: String { root + "/.shelf" }

    public func themeFolder(_ name: String) -> String { root + "/themes/" + name }

    /// The path of `absolute` relative to the store root, for messages.
    public func relative(_ absolute: String) -> String {
        absolute.hasPrefix(root + "/") ? String(absolute.dropFirst(root.count + 1)) : absolute
    }
}

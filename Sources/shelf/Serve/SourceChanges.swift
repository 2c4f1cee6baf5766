/// What changed among a store's sources since a watcher last answered.
struct SourceChanges: Equatable {
    /// The files and folders created, written, renamed or deleted, absolute.
    var paths: Set<String> = []
    /// Something changed that the paths cannot tell (the event queue overflowed, a folder moved,
    /// the watch failed): only a build that looks at every file is exact.
    var untold = false
    /// The SQLite database or its journal was written, created or replaced: the stock may have
    /// changed, which only its version can tell (a cart add or a build writes it too).
    var database = false

    /// True when no source file changed; the database alone does not make a build.
    var isEmpty: Bool { paths.isEmpty && !untold }

    /// What the build is told changed (`SiteBuilder.Options.changedFiles`): the paths, or nil
    /// for a plain build. A path that is not a known product file makes it an ordinary build.
    var changedFiles: [String]? { untold ? nil : paths.sorted() }
}

extension DatabaseFiles {
    /// The analytics' own database file, beside this one: `shelf-analytics.sqlite` for
    /// `shelf.sqlite`, so that two stores in one folder keep their analytics apart.
    public var analytics: DatabaseFiles {
        let name = path[(path.lastIndex(of: "/").map { path.index(after: $0) } ?? path.startIndex)...]
        let stem = name.lastIndex(of: ".").map { name[..<$0] } ?? name
        let suffix = name[stem.endIndex...]
        return DatabaseFiles(String(path[..<name.startIndex]) + stem + "-analytics" + suffix)
    }
}
